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

  /**
   * Sells the device for the voucher and cash; the extra device is scanned too, reserved, and taken
   * off the open order with its "Retirer" button before the voucher. The keyboard focus is checked
   * after each step: it is where the next act is, never back at the top of the page.
   */
  static Seen sellWithAVoucherAndCash(
      URL base, String person, String serial, String extraSerial, String code) {
    WebDriver browser = Browser.start();
    try {
      WebDriverWait wait = atTheSaleScreen(browser, base);
      focusIs(wait, browser, "person", "the attestation field has the focus");
      browser.switchTo().activeElement().sendKeys(person, Keys.ENTER);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scan")));
      assertThat(browser.findElement(By.id("eligibility-panel")).getText()).contains("Éligible");
      focusIs(wait, browser, "scan", "the device field has the focus");
      for (String scanned : List.of(serial, extraSerial)) {
        browser.switchTo().activeElement().sendKeys(scanned, Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), scanned));
        focusIs(wait, browser, "scan", "after a device, the device field has the focus again");
      }
      browser.findElement(By.id("open-form:open")).sendKeys(Keys.ENTER);

      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-state")));
      assertThat(browser.findElement(By.id("order-state")).getText()).contains("en cours");
      assertThat(browser.findElement(By.id("lines")).getText()).contains(extraSerial);
      // the extra device is taken off the open order, after a question
      WebElement lines = browser.findElement(By.id("lines"));
      lines.findElement(By.cssSelector("[aria-label$='" + extraSerial + "']")).sendKeys(Keys.ENTER);
      assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText())
          .contains("Retirer")
          .contains(extraSerial);
      browser.switchTo().alert().accept();
      wait.until(ExpectedConditions.stalenessOf(lines));
      assertThat(browser.findElement(By.id("messages")).getText())
          .contains("Article retiré de la commande");
      assertThat(browser.findElement(By.id("lines")).getText())
          .contains(serial)
          .doesNotContain(extraSerial);
      String total = browser.findElement(By.id("total")).getText();
      assertThat(browser.findElement(By.id("hold")).getText())
          .as("the hold's time left")
          .containsPattern("réservés jusqu.à \\d\\d:\\d\\d, encore (29|30) min");
      focusIs(wait, browser, "voucher", "with something due, the voucher field has the focus");
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

      // a typing mistake in the cash field is said under it, tied to it and in the summary at the
      // top that links to it; the order is kept
      for (String mistake : new String[] {"0", "-5", "douze"}) {
        WebElement cash = browser.findElement(By.id("cash"));
        cash.sendKeys(Keys.chord(Keys.CONTROL, "a"), mistake, Keys.ENTER);
        wait.until(ExpectedConditions.stalenessOf(cash));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cash-error")));
        assertThat(browser.findElement(By.id("cash-error")).getText())
            .as("the cash amount " + mistake)
            .contains(mistake.equals("douze") ? "montant" : "Tapez un montant supérieur à zéro");
        WebElement field = browser.findElement(By.id("cash"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).contains("cash-error");
        assertThat(browser.findElement(By.cssSelector("#error-summary a")).getAttribute("href"))
            .endsWith("#cash");
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
      focusIs(
          wait, browser, "finish-form:complete", "once paid, « Terminer la vente » has the focus");
      browser.switchTo().activeElement().sendKeys(Keys.ENTER);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("order-state"), "Vente terminée"));
      focusIs(
          wait,
          browser,
          "person",
          "after the sale, the next sale's attestation field has the focus");
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
   * warning's text (empty when none) and whether "Réserver" can be pressed, then, with more than
   * one device, whether it can once the last one is taken off the list.
   */
  record BeforeReserving(
      String quotaWarning, boolean canReserve, boolean canReserveWithoutTheLast) {}

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
      String said = warning.isEmpty() ? "" : warning.get(0).getText();
      boolean canReserve = browser.findElement(By.id("open-form:open")).isEnabled();
      boolean canReserveWithoutTheLast = canReserve;
      if (serials.length > 1) {
        // the last device scanned taken off the list with its "Retirer" link
        WebElement preview = browser.findElement(By.id("preview"));
        preview
            .findElement(By.cssSelector("[aria-label$='" + serials[serials.length - 1] + "']"))
            .click();
        wait.until(ExpectedConditions.stalenessOf(preview));
        assertThat(browser.findElement(By.id("preview")).getText())
            .contains(serials[0])
            .doesNotContain(serials[serials.length - 1]);
        canReserveWithoutTheLast =
            browser.findElements(By.id("quota-warning")).isEmpty()
                && browser.findElement(By.id("open-form:open")).isEnabled();
      }
      return new BeforeReserving(said, canReserve, canReserveWithoutTheLast);
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

  /**
   * Waits for the keyboard focus to reach the element (a page's autofocus is applied once it has
   * been rendered, a moment after it loaded), then says where it is if it never does.
   */
  private static void focusIs(WebDriverWait wait, WebDriver browser, String id, String why) {
    try {
      wait.withTimeout(Duration.ofSeconds(5)).until(b -> id.equals(focused(b)));
    } catch (org.openqa.selenium.TimeoutException e) {
      assertThat(focused(browser)).as(why).isEqualTo(id);
    } finally {
      wait.withTimeout(Duration.ofSeconds(30));
    }
  }

  private static String focused(WebDriver browser) {
    return browser.switchTo().activeElement().getAttribute("id");
  }
}
