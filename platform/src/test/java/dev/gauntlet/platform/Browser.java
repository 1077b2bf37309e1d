package dev.gauntlet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, as the launcher installs them:
 * nothing is downloaded. Every page it leaves must have logged no error to the console.
 */
final class Browser implements AutoCloseable {
  static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots").toAbsolutePath().normalize();
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final String base;

  Browser(int port) {
    var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
        .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000",
            "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking");
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .build();
    this.driver = new ChromeDriver(service, options);
    this.base = "http://127.0.0.1:" + port;
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String pathOrUrl) {
    driver.get(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** Waits until the element is there and shows the text. */
  WebElement await(String css, String text, Duration timeout) {
    new WebDriverWait(driver, timeout).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css),
        text));
    return find(css);
  }

  WebElement await(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /** Fails on any error the pages logged to the console since the last look. */
  void assertQuietConsole(String where) {
    assertThat(consoleErrors()).as("console errors on " + where).isEmpty();
  }

  /** The errors the pages logged to the console since the last look. */
  List<String> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
  }

  /** Where the browser is and what it shows and logged, for the message of a failed test. */
  String describe() {
    var logs = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    return "at " + driver.getCurrentUrl() + "\n--- page ---\n" + find("body").getText() + "\n--- console ---\n"
        + String.join("\n", logs);
  }

  void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
