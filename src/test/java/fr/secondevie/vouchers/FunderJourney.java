package fr.secondevie.vouchers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Browser;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The funder's journey in headless Chromium: log in, open a programme, issue a batch in the
 * background and watch its progress bar, download the printable sheet.
 */
final class FunderJourney {

  /** The funders' day and month as the server's clock tells them (not the machine's UTC day). */
  private static final java.time.ZoneId PARIS = java.time.ZoneId.of("Europe/Paris");

  private FunderJourney() {}

  static void createIssueAndDownload(URL base) throws Exception {
    File downloads = new File("target/it-downloads/" + System.currentTimeMillis());
    assertThat(downloads.mkdirs()).isTrue();
    ChromeDriver browser = Browser.start(downloads);
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1800));
    try {
      WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(90));
      Browser.logIn(browser, base, "financeur", "demo");
      browser.findElement(By.linkText("Mes programmes de bons")).click();

      String name = "Chèque navigateur " + System.currentTimeMillis();
      browser.findElement(By.id("new-programme:name")).sendKeys(name);
      browser.findElement(By.id("new-programme:value")).sendKeys("150");
      ((JavascriptExecutor) browser)
          .executeScript(
              "document.getElementById('new-programme:from').value = arguments[0];"
                  + "document.getElementById('new-programme:until').value = arguments[1];",
              LocalDate.now(PARIS).minusDays(1).toString(),
              LocalDate.now(PARIS).plusYears(1).toString());
      browser.findElement(By.id("new-programme:prefixes")).sendKeys("80");
      browser.findElement(By.id("new-programme:create")).click();
      wait.until(ExpectedConditions.urlContains("programme.xhtml?id="));
      assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
      // French dates, not ISO ones: "30/11/2026 → 01/12/2027"
      assertThat(browser.findElement(By.tagName("main")).getText())
          .contains(
              DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(PARIS).minusDays(1))
                  + " → "
                  + DateTimeFormatter.ofPattern("dd/MM/yyyy")
                      .format(LocalDate.now(PARIS).plusYears(1)));

      // a number out of bounds is said at the field, never cut or raised to fit
      for (String wrong : new String[] {"0", "200000"}) {
        WebElement quantity = retype(browser, "issue:quantity_input", wrong, "issue:issue-button");
        wait.until(ExpectedConditions.stalenessOf(quantity));
        wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("issue:quantity-message"), "Émettez de 1 à 100"));
      }
      assertThat(browser.findElement(By.id("batches-form:batches")).getText())
          .as("nothing was issued")
          .doesNotContain("%");

      // a bulk issuance says its count and total value, and waits for the funder to confirm
      retype(browser, "issue:quantity_input", "2500", "issue:issue-button");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("issue-confirm")));
      assertThat(browser.findElement(By.id("issue-confirm")).getText())
          .containsPattern(
              "2[\\s\u202f\u00a0]500 bons de 150,00.€, soit 375[\\s\u202f\u00a0]000,00.€");
      browser.findElement(By.id("issue:confirm-issue")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("batches-form:batches"), "%"));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("batches-form:batches"), "Terminé"));
      assertThat(browser.findElement(By.id("batches-form:batches")).getText())
          .containsPattern("2[\\s\u202f\u00a0]500")
          .contains("100 %");

      browser.findElement(By.xpath("//button[contains(., 'Planche à imprimer')]")).click();
      File sheet = Browser.downloaded(browser, downloads, ".pdf", Duration.ofSeconds(180));
      try (PDDocument pdf = Loader.loadPDF(sheet)) {
        assertThat(pdf.getNumberOfPages()).isEqualTo(125);
        assertThat(new PDFTextStripper().getText(pdf)).contains("150,00 €");
      }

      // the batch is cancelled after a confirmation that says how many vouchers and their value
      browser.findElement(By.id("batches-form:batches:0:cancel-batch")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("batch-cancel-confirm")));
      assertThat(browser.findElement(By.id("batch-cancel-confirm")).getText())
          .containsPattern(
              "2[\\s\u202f\u00a0]500 bon\\(s\\) encore valable\\(s\\), soit"
                  + " 375[\\s\u202f\u00a0]000,00.€");
      browser.findElement(By.id("batches-form:confirm-batch-cancel")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Lot annulé"));
      assertThat(browser.findElement(By.id("messages")).getText())
          .containsPattern("Lot annulé : 2[\\s\u202f\u00a0]500 bon\\(s\\)");

      // one voucher cancelled alone: two issued at once, the first cancelled, then again
      retype(browser, "issue:quantity_input", "2", "issue:issue-button");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("last-codes")));
      String code = browser.findElement(By.cssSelector("#last-codes li")).getText();
      retype(browser, "cancel-voucher:cancel-code", code, "cancel-voucher:find-voucher");
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("voucher-cancel-confirm")));
      assertThat(browser.findElement(By.id("voucher-cancel-confirm")).getText())
          .contains("Annuler le bon " + code + " (150,00")
          .contains("ne se défait pas");
      browser.findElement(By.id("cancel-voucher:confirm-voucher-cancel")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("messages"), "Bon " + code + " annulé"));
      retype(browser, "cancel-voucher:cancel-code", code, "cancel-voucher:find-voucher");
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("cancel-voucher:cancel-code-message"), "déjà annulé"));
      assertThat(browser.findElements(By.id("voucher-cancel-confirm"))).isEmpty();

      // a month typed wrong, or none, is said at the field; nothing is drawn up
      for (String mistake : new String[] {"2026-13", "décembre", ""}) {
        WebElement month =
            retype(browser, "statements-form:month", mistake, "statements-form:draw-up");
        wait.until(ExpectedConditions.stalenessOf(month));
        wait.until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("statements-form:month-message"), "Tapez un mois comme 11/2026"));
        assertThat(browser.findElement(By.id("statements-form:statements")).getText())
            .as("after the month " + mistake)
            .contains("Aucun");
      }
    } catch (RuntimeException | AssertionError failed) {
      java.nio.file.Files.copy(
          browser.getScreenshotAs(org.openqa.selenium.OutputType.FILE).toPath(),
          new File(downloads, "failure.png").toPath());
      throw failed;
    } finally {
      browser.quit();
    }
  }

  /**
   * The funder's statements of a programme with a sale this month and one last month: this month's
   * is marked provisional and offers no agreement; last month's is agreed with a reference, then
   * paid with its mandate's number (asked for when left out), both shown in its row.
   */
  static void settleStatements(URL base, int programme) throws Exception {
    ChromeDriver browser = Browser.start();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1800));
    try {
      WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(30));
      Browser.logIn(browser, base, "financeur", "demo");
      browser.get(base + "app/funder/programme.xhtml?id=" + programme);
      java.time.YearMonth now = java.time.YearMonth.now(PARIS);
      String thisMonth = String.format("%02d/%d", now.getMonthValue(), now.getYear());
      WebElement table = browser.findElement(By.id("statements-form:statements"));
      retype(browser, "statements-form:month", thisMonth, "statements-form:draw-up");
      wait.until(ExpectedConditions.stalenessOf(table));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("statements-form:statements"), "provisoire"));
      assertThat(browser.findElements(By.id("statements-form:statements:0:agree")))
          .as("no agreement of a month not over")
          .isEmpty();

      java.time.YearMonth last = now.minusMonths(1);
      table = browser.findElement(By.id("statements-form:statements"));
      retype(
          browser,
          "statements-form:month",
          String.format("%02d/%d", last.getMonthValue(), last.getYear()),
          "statements-form:draw-up");
      wait.until(ExpectedConditions.stalenessOf(table));
      // newest month first: last month's statement is the second row
      wait.until(
          ExpectedConditions.presenceOfElementLocated(By.id("statements-form:statements:1:agree")));
      WebElement agree = browser.findElement(By.id("statements-form:statements:1:agree"));
      assertThat(agree.getAttribute("aria-label"))
          .as("each row's button says which statement it agrees")
          .startsWith(agree.getText() + " – ")
          .contains(String.valueOf(last.getYear()));
      agree.click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settle-panel")));
      String today = DateTimeFormatter.ofPattern("dd/MM/yyyy").format(LocalDate.now(PARIS));
      assertThat(browser.findElement(By.id("statements-form:settle-date")).getAttribute("value"))
          .isEqualTo(today);
      browser.findElement(By.id("statements-form:settle-reference")).sendKeys("Délibération CP-12");
      browser.findElement(By.id("statements-form:confirm-settle")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("statements-form:statements"),
              "Validé le " + today + ", réf. Délibération CP-12"));

      browser.findElement(By.id("statements-form:statements:1:pay")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("settle-panel")));
      browser.findElement(By.id("statements-form:confirm-settle")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("statements-form:settle-reference-message"), "numéro du mandat"));
      browser.findElement(By.id("statements-form:settle-reference")).sendKeys("Mandat 4521");
      browser.findElement(By.id("statements-form:confirm-settle")).click();
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("statements-form:statements"), "Payé le " + today + ", mandat n° Mandat 4521"));
    } finally {
      browser.quit();
    }
  }

  /** Empties the field, types the text and presses the button; returns the field as it was. */
  private static WebElement retype(WebDriver browser, String field, String text, String button) {
    WebElement input = browser.findElement(By.id(field));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
    browser.findElement(By.id(button)).click();
    return input;
  }
}
