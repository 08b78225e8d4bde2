package fr.secondevie.sales;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.testing.Api;
import fr.secondevie.testing.Browser;
import fr.secondevie.testing.Concurrency;
import fr.secondevie.testing.LoadBalancer;
import fr.secondevie.testing.Scenarios;
import fr.secondevie.testing.Server;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A counter's instance dies mid-sale: two instances of the WAR on one PostgreSQL database behind
 * Debian's HAProxy on loopback, run with the shipped {@code config/haproxy/haproxy.cfg} (sticky
 * sessions by its cookie, health checks on {@code /health/ready}). In Chromium through HAProxy, the
 * agent logs in, opens an order and puts a voucher on it; the instance its browser is stuck to is
 * killed ({@code kill -9}); the agent's next act, the cash, reaches the other instance, which knows
 * no web session and sends the agent to the login page without taking anything; logged in again,
 * the agent finds the open order in "Ventes à reprendre", resumes it with its device and voucher,
 * takes the cash and completes it there. Nothing of the sale lived in the web session. Skipped on
 * H2 (one process owns its file), without HAProxy or without Chromium, and says so.
 */
@EnabledIf(
    value = "fr.secondevie.testing.TestDatabase#isPostgres",
    disabledReason = "two instances share a PostgreSQL database only (-Dit.db.url=...)")
@ResourceLock(Concurrency.SECOND_INSTANCE)
class FailoverIT {

  final URL shared = Server.shared();
  final Scenarios scenarios = new Scenarios(shared);

  @Test
  void theCounterLogsInAgainOnTheOtherInstanceAndCompletesItsOpenOrder() throws Exception {
    LoadBalancer.assumeInstalled();
    String counter =
        scenarios.newRelayCounter("Relais bascule " + UUID.randomUUID().toString().substring(0, 4));
    scenarios.openCashDrawer(counter);
    Api api = scenarios.user(counter);
    int device = scenarios.availableDevice("donateur", "LAPTOP", counter, 20_000);
    String serial = api.get("api/v1/devices/" + device).json().getString("serialNumber");
    String person = scenarios.eligibleBeneficiary("RSA");
    String code = scenarios.vouchers("financeur", "CHEQUE_EQUIPEMENT", 5_000, 1, "80", null).get(0);

    // the suite's second instance and a spare like it: whichever survives stays the second
    Server.Instance second = Server.second();
    Server.Instance spare = Server.spare("failover-spare");
    Map<String, Server.Instance> instances = Map.of("app1", second, "app2", spare);
    WebDriver browser = null;
    long order;
    try (LoadBalancer haproxy =
        LoadBalancer.inFrontOf(
            "failover-haproxy", instances.get("app1").base(), instances.get("app2").base())) {
      URL base = haproxy.base();
      browser = Browser.start();
      WebDriverWait wait = Browser.waiting(browser, Duration.ofSeconds(60));

      // the morning: logged in through HAProxy, stuck to one instance by its cookie
      Browser.logIn(browser, base, counter, Scenarios.PASSWORD);
      String first = stuckTo(browser);
      assertThat(first).isIn("app1", "app2");
      String firstSession = browser.manage().getCookieNamed("JSESSIONID").getValue();

      // the sale begins: the person, the laptop reserved, a voucher
      browser.get(base + "app/counter/sale.xhtml");
      Browser.submit(wait, browser.findElement(By.id("person")), person);
      Browser.submit(wait, browser.findElement(By.id("scan")), serial);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("preview"), serial));
      Browser.clickToLeavePage(browser, browser.findElement(By.id("open-form:open")));
      Browser.submit(wait, browser.findElement(By.id("voucher")), code);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("vouchers-total"), "50,00"));
      order = Long.parseLong(browser.getCurrentUrl().replaceAll(".*order=(\\d+).*", "$1"));
      assertThat(stuckTo(browser)).as("every page from the same instance").isEqualTo(first);

      // its instance dies
      Process dying = instances.get(first).process();
      dying.destroyForcibly(); // SIGKILL: no shutdown, no session written anywhere
      assertThat(dying.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String other = first.equals("app1") ? "app2" : "app1";

      // the agent's next act, the cash, reaches the other instance: no session there, the login
      // page, and nothing taken
      WebElement cash = browser.findElement(By.id("cash"));
      String due = cash.getAttribute("value");
      Browser.submit(wait, cash, due);
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login:username")));
      JsonObject meanwhile = api.get("api/v1/orders/" + order).json();
      assertThat(meanwhile.getString("status")).isEqualTo("OPEN");
      assertThat(meanwhile.getJsonArray("payments")).as("no cash taken by the lost act").isEmpty();

      // logged in again, on the other instance, with a new session
      browser.findElement(By.id("login:username")).sendKeys(counter);
      browser.findElement(By.id("login:password")).sendKeys(Scenarios.PASSWORD);
      browser.findElement(By.id("login:submit")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("menu")));
      assertThat(stuckTo(browser)).isEqualTo(other);
      assertThat(browser.manage().getCookieNamed("JSESSIONID").getValue())
          .isNotEqualTo(firstSession);

      // the open order, found again in "Ventes à reprendre", resumed and completed
      browser.findElement(By.linkText("Ventes à reprendre")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("resume-" + order)));
      Browser.clickToLeavePage(browser, browser.findElement(By.id("resume-" + order)));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("order-state")));
      assertThat(browser.findElement(By.id("order-state")).getText()).contains("en cours");
      assertThat(browser.findElement(By.id("lines")).getText()).contains(serial);
      assertThat(browser.findElement(By.id("vouchers-total")).getText()).contains("50,00");
      Browser.submit(wait, browser.findElement(By.id("cash")), due);
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("messages"), "Espèces encaissées"));
      Browser.clickToLeavePage(browser, browser.findElement(By.id("finish-form:complete")));
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("order-state"), "Vente terminée"));
      assertThat(stuckTo(browser)).isEqualTo(other);

      // HAProxy's checks took the dead instance out
      haproxy.awaitDown(first, Duration.ofSeconds(20));
    } finally {
      if (browser != null) {
        browser.quit();
      }
      Server.keepAsSecond(spare);
    }

    JsonObject sold = api.get("api/v1/orders/" + order).json();
    assertThat(sold.getString("status")).isEqualTo("PAID");
    assertThat(sold.getString("receiptNumber")).isNotBlank();
    assertThat(sold.getJsonArray("payments")).hasSize(1);
    assertThat(api.get("api/v1/devices/" + device).json().getString("status")).isEqualTo("SOLD");
    assertThat(api.get("api/v1/vouchers/" + code).json().getString("status")).isEqualTo("REDEEMED");
  }

  /** The instance HAProxy's cookie sticks the browser to. */
  private static String stuckTo(WebDriver browser) {
    Cookie cookie = browser.manage().getCookieNamed("SVSERVER");
    assertThat(cookie).as("HAProxy's cookie").isNotNull();
    return cookie.getValue();
  }
}
