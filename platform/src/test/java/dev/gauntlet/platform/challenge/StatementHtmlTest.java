package dev.gauntlet.platform.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A statement as HTML")
class StatementHtmlTest {
  @Test
  @DisplayName("keeps Markdown's headings, code and tables")
  void markdown() {
    assertThat(StatementHtml.of("## Input\n\nRead `n`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
        .contains("<h2>Input</h2>", "<code>n</code>", "<table>", "<td>1</td>");
  }

  @Test
  @DisplayName("escapes raw HTML and drops script links, so a package cannot run code in a candidate's page")
  void safe() {
    String html = StatementHtml.of("<script>steal()</script>\n\n<img src=x onerror=steal()>\n\n"
        + "[click](javascript:steal())\n");

    assertThat(html).doesNotContain("<script", "<img", "javascript:")
        .contains("&lt;script&gt;steal()&lt;/script&gt;");
  }
}
