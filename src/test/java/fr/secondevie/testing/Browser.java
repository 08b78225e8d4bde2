package fr.secondevie.testing;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for browser journeys. Explicit paths keep Selenium from trying to
 * download a browser; without Chromium the journey is skipped, and says so.
 */
public final class Browser {

  static final File CHROMIUM = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  static final File DRIVER =
      new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

  private Browser() {}

  public static ChromeDriver start() {
    return start(null);
  }

  /**
   * A browser that saves what it downloads into {@code downloads} without asking (null: the
   * default). Skips the calling test when Chromium is not installed.
   */
  public static ChromeDriver start(File downloads) {
    boolean present = CHROMIUM.canExecute() && DRIVER.canExecute();
    if (!present) {
      String reason =
          "Browser tests SKIPPED: Chromium not found at "
              + CHROMIUM
              + " / "
              + DRIVER
              + " (apt-get install chromium chromium-driver)";
      System.out.println(reason);
      Assumptions.abort(reason);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--lang=fr-FR");
    if (downloads != null) {
      options.setExperimentalOption(
          "prefs",
          java.util.Map.of(
              "download.default_directory",
              downloads.getAbsolutePath(),
              "download.prompt_for_download",
              false));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    if (downloads != null) {
      allowDownloads(driver, downloads);
    }
    return driver;
  }

  private static void allowDownloads(ChromeDriver driver, File downloads) {
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of(
            "behavior",
            "allow",
            "downloadPath",
            downloads.getAbsolutePath(),
            "eventsEnabled",
            true));
  }

  /**
   * One Chromium for the tests of a class, given to each test as a new one would be: register it as
   * a static {@code @RegisterExtension} field and ask {@link #fresh()} before each test. Between
   * tests it loses every cookie, stored item and cached page, every window but one, its size and
   * where downloads go; it quits after the class. A browser that no longer answers is replaced by a
   * new one. Starting Chromium was about a second of each browser test.
   */
  public static final class PerClass implements AfterAllCallback {

    private ChromeDriver driver;
    private File downloads;

    /** The class's browser as a new one (downloads asked without saving anywhere). */
    public ChromeDriver fresh() {
      return fresh(null);
    }

    /** The class's browser as a new one that saves what it downloads into that directory. */
    public ChromeDriver fresh(File downloadsTo) {
      if (driver != null && (downloads == null) != (downloadsTo == null)) {
        quit(); // started with or without a place for downloads: a new one
      }
      if (driver != null) {
        try {
          reset(driver, downloadsTo);
        } catch (WebDriverException gone) {
          quit();
        }
      }
      if (driver == null) {
        driver = start(downloadsTo);
      }
      downloads = downloadsTo;
      return driver;
    }

    @Override
    public void afterAll(ExtensionContext context) {
      quit();
    }

    private void quit() {
      if (driver != null) {
        try {
          driver.quit();
        } catch (WebDriverException alreadyGone) {
          // nothing to stop
        }
        driver = null;
      }
    }

    private static void reset(ChromeDriver driver, File downloadsTo) {
      List<String> windows = new ArrayList<>(driver.getWindowHandles());
      for (String window : windows.subList(1, windows.size())) {
        driver.switchTo().window(window).close();
      }
      driver.switchTo().window(windows.get(0));
      URI last = URI.create(driver.getCurrentUrl());
      if (last.getScheme() != null && last.getScheme().startsWith("http")) {
        driver.executeCdpCommand(
            "Storage.clearDataForOrigin",
            Map.of(
                "origin",
                last.getScheme() + "://" + last.getRawAuthority(),
                "storageTypes",
                "all"));
      }
      driver.get("about:blank");
      driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
      driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
      driver.manage().window().setSize(new Dimension(1280, 900));
      if (downloadsTo != null) {
        allowDownloads(driver, downloadsTo);
      }
    }
  }

  /**
   * The one file ending with {@code suffix} that Chromium downloaded into {@code downloads}, once
   * it is complete: Chromium creates an empty file of the final name when a download starts and
   * writes into a {@code .crdownload} beside it until the end, so a file of that name alone may
   * still be empty.
   */
  public static java.io.File downloaded(
      WebDriver browser, java.io.File downloads, String suffix, Duration atMost) {
    waiting(browser, atMost)
        .until(
            b -> {
              java.io.File[] files = downloads.listFiles((dir, f) -> f.endsWith(suffix));
              String[] partial = downloads.list((dir, f) -> f.endsWith(".crdownload"));
              return files != null
                  && files.length == 1
                  && files[0].length() > 0
                  && (partial == null || partial.length == 0);
            });
    return downloads.listFiles((dir, f) -> f.endsWith(suffix))[0];
  }

  /**
   * A wait that lets the browser finish replacing a page. Between a click that submits and the next
   * page, Chromium 156 sometimes answers a question about an element of the page being torn down
   * with "unknown error: node does not belong to the document" rather than "stale element"; that
   * answer, like any other error of a condition, is asked again until the wait runs out, and then
   * shows as the cause of the time-out.
   */
  public static WebDriverWait waiting(WebDriver browser, Duration atMost) {
    WebDriverWait wait = new WebDriverWait(browser, atMost);
    wait.ignoring(WebDriverException.class);
    return wait;
  }

  /** The address of a page of the application that answers at {@code base}. */
  public static String page(URL base, String path) {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    return root + path;
  }

  /**
   * Types into a field in place of what it held, presses Enter and waits until the page that held
   * it is replaced (the field gone stale).
   */
  public static void submit(WebDriverWait wait, WebElement field, String text) {
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.ENTER);
    wait.until(ExpectedConditions.stalenessOf(field));
  }

  /** Logs in through the login page (demo users' password: demo) and waits for the menu. */
  public static void logIn(WebDriver browser, URL base, String user, String password) {
    String root = base.toString().endsWith("/") ? base.toString() : base + "/";
    browser.get(root + "login.xhtml");
    browser.findElement(By.id("login:username")).sendKeys(user);
    browser.findElement(By.id("login:password")).sendKeys(password);
    browser.findElement(By.id("login:submit")).click();
    waiting(browser, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("menu")));
  }

  /**
   * Clicks an element that leads to a new page and waits until the page it was on is gone. The old
   * page is marked by a script variable: waiting for the element to go stale asks the browser about
   * a node of a page being torn down, which Chromium 156 sometimes answers with an "unknown error"
   * instead of "stale element".
   */
  public static void clickToLeavePage(WebDriver browser, WebElement element) {
    JavascriptExecutor script = (JavascriptExecutor) browser;
    script.executeScript("window.secondeVieOldPage = true;");
    element.click();
    waiting(browser, Duration.ofSeconds(30))
        .until(
            driver ->
                Boolean.TRUE.equals(
                    script.executeScript("return window.secondeVieOldPage === undefined;")));
  }
}
