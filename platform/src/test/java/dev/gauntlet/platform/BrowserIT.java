package dev.gauntlet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;

/**
 * The product in a real browser: a manager signs in, builds an assessment and invites a candidate;
 * the candidate opens the link, edits the starter, runs the public tests, submits and watches the
 * verdict arrive; the manager sees the score and the code. Screenshots of each page go to
 * docs/screenshots, which the README shows.
 */
@DisplayName("In the browser")
class BrowserIT {
  @RegisterExtension
  static final RunningPlatform PLATFORM = new RunningPlatform().withAdmins("admin@acme.test");
  private static final String CHALLENGE = "merge-event-streams";
  private static final String PASSWORD = "manager password for tests";
  private static final Duration JUDGING = Duration.ofMinutes(2);

  @Test
  @DisplayName("a manager invites, a candidate solves, and the manager reviews the score and the code")
  void invitationToReview() throws Exception {
    var api = PLATFORM.api();
    api.addStaff(api.signIn("admin@acme.test", RunningPlatform.ADMIN_PASSWORD), "lead@acme.test", "manager", PASSWORD);
    String solution = ApiClient.source(CHALLENGE + "/submissions/accepted/python-stable-sort/main.py");

    try (var browser = new Browser(PLATFORM.port())) {
      try {
        journey(browser, solution);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(e.getMessage() + "\n" + browser.describe(), e);
      }
    }
  }

  private static void journey(Browser browser, String solution) throws Exception {
    {
      browser.open("/login");
      browser.find("#email").sendKeys("lead@acme.test");
      browser.find("#password").sendKeys(PASSWORD, Keys.ENTER);
      browser.await("#new-assessment");
      browser.find("#assessment-name").sendKeys("Backend engineer, streams");
      browser.find("input[name=challenge][value=" + CHALLENGE + "]").click();
      browser.find("#time-limit").clear();
      browser.find("#time-limit").sendKeys("45");
      browser.find("input[name=language][value=python]").click();
      browser.screenshot("manager-new-assessment");
      browser.find("#new-assessment button[type=submit]").click();
      browser.await("#invite");
      browser.find("#candidate-email").sendKeys("grace@candidates.test", Keys.ENTER);
      String link = browser.await("#invitation-link").getDomProperty("value");
      assertThat(link).startsWith("http://127.0.0.1:" + PLATFORM.port() + "/take#");
      browser.await("#candidates", "grace@candidates.test", Duration.ofSeconds(10));
      browser.screenshot("manager-invitation");
      browser.assertQuietConsole("the manager's pages");
      String managerTab = browser.driver().getWindowHandle();

      browser.driver().switchTo().newWindow(WindowType.TAB);
      browser.open(link);
      browser.await(".CodeMirror");
      assertThat(browser.driver().getCurrentUrl()).as("the token leaves the address bar").doesNotContain("#");
      assertThat(browser.find(".statement").getText()).contains("Input");
      browser.find(".CodeMirror").click();
      browser.find(".CodeMirror textarea").sendKeys(Keys.chord(Keys.CONTROL, "a"), "# typed in the editor\n");
      browser.await("#saved", "Saved", Duration.ofSeconds(10));
      browser.driver().executeScript("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])",
          "# typed in the editor\n" + solution);
      browser.await("#saved", "Saved", Duration.ofSeconds(10));

      browser.driver().navigate().refresh();
      browser.await(".CodeMirror");
      assertThat(editorText(browser)).as("the draft outlives a reload").startsWith("# typed in the editor\n")
          .contains(solution.strip().lines().findFirst().orElseThrow());

      browser.find("#run").click();
      browser.await("#verdict", "a run does not count", JUDGING);
      assertThat(browser.find("#verdict").getText()).contains("ACCEPTED", "01-example");
      browser.screenshot("candidate-run");

      // Counts the test results shown live before the verdict takes their place, however fast they come.
      browser.driver().executeScript("window.progressSeen = 0; new MutationObserver(changes => changes.forEach(c =>"
          + " c.addedNodes.forEach(n => { if (n.parentElement && n.parentElement.id === 'progress') {"
          + " window.progressSeen++; } }))).observe(document.getElementById('result'),"
          + " { childList: true, subtree: true });");
      browser.find("#submit").click();
      browser.await("#verdict", "points", JUDGING);
      assertThat(browser.find("#verdict").getText()).contains("ACCEPTED").doesNotContain("a run does not count");
      assertThat((Long) browser.driver().executeScript("return window.progressSeen")).as("test results shown live")
          .isPositive();
      assertThat(browser.find("#clock").getText()).endsWith("left");
      browser.screenshot("candidate-verdict");
      browser.assertQuietConsole("the candidate's workspace");

      // The link works once: opened again elsewhere, the page says so in words.
      browser.driver().switchTo().newWindow(WindowType.TAB);
      browser.open(link);
      assertThat(browser.await("main", "opened already", Duration.ofSeconds(10)).getText())
          .contains("This attempt cannot be opened", "ask the person who invited you for a new one");
      assertThat(browser.consoleErrors()).as("only the refused request").singleElement().asString().contains("410");

      browser.driver().switchTo().window(managerTab);
      browser.driver().navigate().refresh();
      String score = browser.await("#candidates", "grace@candidates.test", Duration.ofSeconds(10))
          .findElement(By.cssSelector("td.score")).getText();
      assertThat(score).matches("(\\d+) / \\1");
      browser.screenshot("manager-ranking");
      browser.driver().findElement(By.xpath("//button[text()='Compare answers']")).click();
      browser.await("#similarity", "No pair of answers", Duration.ofSeconds(30));
      browser.find("#candidates a").click();
      browser.await("#submissions");
      browser.find("#submissions button").click();
      assertThat(browser.await("#code").getText()).contains("# typed in the editor");
      browser.screenshot("manager-review");
      browser.assertQuietConsole("the manager's review");
    }
  }

  private static String editorText(Browser browser) {
    return (String) browser.driver().executeScript(
        "return document.querySelector('.CodeMirror').CodeMirror.getValue()");
  }
}
