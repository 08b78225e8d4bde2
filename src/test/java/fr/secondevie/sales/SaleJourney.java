package fr.secondevie.sales;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Browser;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A sale at the counter screen in headless Chromium, the way a barcode scanner drives it: it types
 * into the field that has the focus and ends with Enter.
 */
final class SaleJourney {

  /** What the agent saw: the total before and after completion, and the receipt's link. */
  record Seen(String totalBefore, String totalAfter, String receiptHref) {}

  private SaleJourney() {}

  static Seen sellWithAVoucherAndCash(URL base, String person, String serial, String code) {
    WebDriver browser = Browser.start();
    try {
      WebDriverWait wait = atTheSaleScreen(browser, base);
      assertThat(focused(browser)).as("the attestation field has the focus").isEqualTo("person");
      browser.switchTo().activeElement().sendKeys(person, Keys.ENTER);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan")));
      assertThat(browser.findElement(By.id("eligibility-panel")).getText()).contains("Éligible");
      assertThat(focused(browser)).as("the device field has the focus").isEqualTo("scan");
      browser.switchTo().activeElement().sendKeys(serial, Keys.ENTER);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), serial));
      browser.findElement(By.id("open-form:open")).sendKeys(Keys.ENTER);

      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-state")));
      assertThat(browser.findElement(By.id("order-state")).getText()).contains("en cours");
      String total = browser.findElement(By.id("total")).getText();
      assertThat(browser.findElement(By.id("hold")).getText())
          .as("the hold's time left")
          .containsPattern("réservés jusqu.à \\d\\d:\\d\\d, encore (29|30) min");
      assertThat(focused(browser)).as("the voucher field has the focus").isEqualTo("voucher");
      browser.switchTo().activeElement().sendKeys(code, Keys.ENTER);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Bon accepté"));
      assertThat(browser.findElement(By.id("vouchers")).getText())
          .contains("Département de la Somme");
      assertThat(browser.findElement(By.id("vouchers-total")).getText()).contains("50,00");
      assertThat(browser.findElement(By.id("vouchers")).getText())
          .as("the voucher is listed by its printed code")
          .contains(code.length() == 16 ? code.replaceAll("(.{4})(?!$)", "$1-") : code);

      // the same voucher scanned twice is said to be there already, and counts once
      browser.findElement(By.id("voucher")).sendKeys(code, Keys.ENTER);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("messages"), "déjà sur cette commande"));
      assertThat(browser.findElement(By.id("vouchers-total")).getText()).contains("50,00");

      // a typing mistake in the cash field is said on the same screen, and the order is kept
      for (String mistake : new String[] {"0", "-5"}) {
        WebElement cash = browser.findElement(By.id("cash"));
        cash.sendKeys(Keys.chord(Keys.CONTROL, "a"), mistake, Keys.ENTER);
        wait.until(ExpectedConditions.stalenessOf(cash));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertThat(browser.findElement(By.id("messages")).getText())
            .as("the cash amount " + mistake)
            .contains("Tapez un montant supérieur à zéro");
        assertThat(browser.findElement(By.id("order-state")).getText()).contains("en cours");
        assertThat(browser.findElement(By.id("vouchers-total")).getText()).contains("50,00");
      }

      // the cash the person hands over: what is due is taken, the change is said
      browser.findElement(By.id("cash")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "500", Keys.ENTER);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("messages"), "Espèces encaissées"));
      assertThat(browser.findElement(By.id("messages")).getText())
          .containsPattern("Reçu 500,00.€ : rendez \\d");
      assertThat(browser.findElement(By.id("due")).getText()).startsWith("0,00");
      browser.findElement(By.id("finish-form:complete")).sendKeys(Keys.ENTER);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("order-state"), "Vente terminée"));
      return new Seen(
          total,
          browser.findElement(By.id("total")).getText(),
          browser.findElement(By.id("receipt")).getAttribute("href"));
    } finally {
      browser.quit();
    }
  }

  /**
   * Scans the devices for the person and returns what the screen says before "Réserver": the quota
   * warning's text (empty when none) and whether "Réserver" can be pressed.
   */
  record BeforeReserving(String quotaWarning, boolean canReserve) {}

  static BeforeReserving scanFor(URL base, String person, String... serials) {
    WebDriver browser = Browser.start();
    try {
      WebDriverWait wait = atTheSaleScreen(browser, base);
      browser.switchTo().activeElement().sendKeys(person, Keys.ENTER);
      for (String serial : serials) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan")));
        browser.findElement(By.id("scan")).sendKeys(serial, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), serial));
      }
      List<WebElement> warning = browser.findElements(By.id("quota-warning"));
      return new BeforeReserving(
          warning.isEmpty() ? "" : warning.get(0).getText(),
          browser.findElement(By.id("open-form:open")).isEnabled());
    } finally {
      browser.quit();
    }
  }

  /** The relay's agent logged in, on the sale screen, waiting for an attestation. */
  private static WebDriverWait atTheSaleScreen(WebDriver browser, URL base) {
    WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(30));
    Browser.logIn(browser, base, "relais", "demo");
    browser.findElement(By.linkText("Vendre")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("person")));
    return wait;
  }

  private static String focused(WebDriver browser) {
    return browser.switchTo().activeElement().getAttribute("id");
  }
}
