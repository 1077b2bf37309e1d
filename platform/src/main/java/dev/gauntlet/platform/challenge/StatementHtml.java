package dev.gauntlet.platform.challenge;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A statement's Markdown as HTML that a page may insert as it is: raw HTML in the Markdown is
 * escaped and links keep only safe schemes, so an uploaded package cannot put script in a page.
 */
final class StatementHtml {
  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
      .escapeHtml(true).sanitizeUrls(true).build();

  private StatementHtml() {
  }

  static String of(String markdown) {
    return RENDERER.render(PARSER.parse(markdown));
  }
}
