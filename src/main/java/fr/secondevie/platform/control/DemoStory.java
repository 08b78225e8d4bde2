package fr.secondevie.platform.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The demo story: on a new demo instance, three months of the chain's life played through the API
 * as the demo users would, so that every page and dashboard shows figures on first start — lots
 * pledged, received and refurbished, people found eligible, vouchers issued, sales at the counter
 * paid by a voucher and cash in cash sessions that are closed (one with a difference), monthly
 * statements established, agreed and paid, tax receipts issued. Each month is played with the
 * application's clock set back ({@link ClockProducer}), so every rule applies as it would have then
 * (statements of finished months only, cash sessions of a day, receipts numbered in their year) and
 * the journal's chain follows the time. Played once per database (the {@code demo_story} row), by
 * the instance that first serves a request, in the background; a failure is logged and leaves what
 * was played.
 */
@ApplicationScoped
public class DemoStory {

  private static final Logger LOG = Logger.getLogger(DemoStory.class.getName());

  /** The demo users' password (README, "Demo users"). */
  private static final String PASSWORD = "demo";

  @Inject Settings settings;
  @Inject Marker marker;
  @Inject Clock clock;
  @Resource ManagedExecutorService executor;

  private final AtomicBoolean asked = new AtomicBoolean();

  /** Plays the story once, in the background, against this instance's own port. */
  public void startOnce(int port) {
    if (!settings.demoStory() || !asked.compareAndSet(false, true)) {
      return;
    }
    executor.execute(
        () -> {
          if (!marker.take(LocalDateTime.now(clock))) {
            return;
          }
          String outcome = "played";
          try {
            new Player(port).play();
            LOG.info("Demo story played: three months of the chain's life");
          } catch (RuntimeException e) {
            outcome = "failed: " + e.getMessage();
            LOG.log(Level.WARNING, "The demo story stopped", e);
          } finally {
            ClockProducer.storyShift(Duration.ZERO);
            marker.finish(LocalDateTime.now(clock), outcome);
          }
        });
  }

  /** The story's row: taken once across instances, then marked finished with its outcome. */
  @ApplicationScoped
  public static class Marker {

    @PersistenceContext EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean take(LocalDateTime at) {
      Number played =
          (Number)
              em.createNativeQuery("select count(*) from demo_story where id = 1")
                  .getSingleResult();
      if (played.intValue() > 0) {
        return false;
      }
      try {
        em.createNativeQuery("insert into demo_story (id, started_at) values (1, ?)")
            .setParameter(1, at)
            .executeUpdate();
        em.flush();
        return true;
      } catch (RuntimeException takenElsewhere) {
        return false;
      }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(LocalDateTime at, String outcome) {
      em.createNativeQuery("update demo_story set finished_at = ?, outcome = ? where id = 1")
          .setParameter(1, at)
          .setParameter(2, outcome.length() > 500 ? outcome.substring(0, 500) : outcome)
          .executeUpdate();
    }
  }

  /** The story itself, through the API over the loopback, one demo user at a time. */
  final class Player {

    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private int serial;

    Player(int port) {
      this.base = "http://127.0.0.1:" + port + "/api/v1/";
    }

    void play() {
      long relay = organisation("relais");
      long relay2 = organisation("relais2");
      back(Duration.ofDays(100));
      long programme =
          object(
                  "financeur",
                  "voucher-programs",
                  "{\"name\":\"Chèque équipement numérique de la Somme\","
                      + "\"kind\":\"CHEQUE_EQUIPEMENT\",\"faceValueCents\":5000,\"validFrom\":\""
                      + today()
                      + "\",\"validUntil\":\""
                      + today().plusYears(1)
                      + "\",\"toleranceDays\":30,\"nominative\":false,"
                      + "\"postalCodePrefixes\":[\"80\"]}")
              .getJsonNumber("id")
              .longValue();
      TreeSet<YearMonth> months = new TreeSet<>();
      for (int month = 3; month >= 1; month--) {
        back(Duration.ofDays(30L * month));
        settle(programme, months, true);
        List<Long> devices = new ArrayList<>();
        long lot = pledge(month % 2 == 0 ? "donateur2" : "donateur", "LAPTOP", 3, 12_000);
        devices.addAll(takeIn("atelier", lot, "LAPTOP", "Dell", "Latitude 5490", 3, relay));
        if (month == 2) {
          long phones = pledge("donateur", "SMARTPHONE", 2, 6_000);
          takeIn("atelier2", phones, "SMARTPHONE", "Samsung", "Galaxy A52", 2, relay2);
        }
        back(Duration.ofDays(30L * month - 6));
        sell(relay, programme, devices.subList(0, 2), month == 2 ? -100 : 0);
        months.add(YearMonth.from(today()));
        back(Duration.ofDays(30L * month - 8));
        post("admin", "donations/" + lot + "/tax-receipt", null);
      }
      back(Duration.ZERO);
      settle(programme, months, false);
    }

    /** The statements of the finished months: agreed and paid, but the last one only drawn. */
    private void settle(long programme, TreeSet<YearMonth> months, boolean pay) {
      YearMonth now = YearMonth.from(today());
      for (YearMonth month : new ArrayList<>(months.headSet(now))) {
        JsonObject drawn =
            object(
                "financeur",
                "voucher-programs/" + programme + "/statements",
                "{\"month\":\"" + month + "\"}");
        months.remove(month);
        if (!pay && months.isEmpty()) {
          continue;
        }
        for (JsonValue s : drawn.getJsonArray("statements")) {
          if (!"RELAY_PAYMENT".equals(s.asJsonObject().getString("kind", ""))) {
            continue;
          }
          long id = s.asJsonObject().getJsonNumber("id").longValue();
          String path = "voucher-programs/" + programme + "/statements/" + id;
          post(
              "financeur",
              path + "/agreement",
              "{\"date\":\"" + today() + "\",\"reference\":\"Délibération " + month + "\"}");
          post("financeur", path + "/payment", "{\"reference\":\"Mandat " + month + "\"}");
        }
      }
    }

    private long pledge(String donor, String category, int quantity, long unitCents) {
      return object(
              donor,
              "donations",
              "{\"items\":[{\"category\":\""
                  + category
                  + "\",\"quantity\":"
                  + quantity
                  + ",\"description\":\"Matériel de bureau renouvelé\",\"unitValueCents\":"
                  + unitCents
                  + "}],\"pickupAddress\":\"12 rue des Jacobins, Amiens\",\"availableFrom\":\""
                  + today()
                  + "\"}")
          .getJsonNumber("id")
          .longValue();
    }

    /** The workshop receives the lot, takes in its devices and puts them on sale at the relay. */
    private List<Long> takeIn(
        String workshop,
        long lot,
        String category,
        String brand,
        String model,
        int count,
        long relay) {
      post(workshop, "donations/" + lot + "/reception", null);
      List<Long> devices = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        serial++;
        long device =
            object(
                    workshop,
                    "donations/" + lot + "/devices",
                    "{\"serialNumber\":\"HIST-"
                        + String.format("%04d", serial)
                        + "\",\"category\":\""
                        + category
                        + "\",\"brand\":\""
                        + brand
                        + "\",\"model\":\""
                        + model
                        + "\"}")
                .getJsonNumber("id")
                .longValue();
        post(
            workshop,
            "devices/" + device + "/refurbishment",
            "{\"grade\":\"B\",\"batteryHealthPercent\":86,\"specs\":{\"cpu\":\""
                + (category.equals("LAPTOP") ? "Intel Core i5-8350U" : "Snapdragon 720G")
                + "\",\"ramGb\":8,\"storageGb\":256,\"screenInches\":14.0,\"os\":\""
                + (category.equals("LAPTOP") ? "Ubuntu 24.04" : "Android 14")
                + "\"},\"erasure\":{\"method\":\"PURGE\",\"tool\":\"Blancco Drive Eraser 7\","
                + "\"certificateId\":\"EFF-HIST-"
                + String.format("%04d", serial)
                + "\",\"erasedAt\":\""
                + LocalDateTime.now(clock).withNano(0)
                + "\"},\"functionalTestsPassed\":true,\"relayId\":"
                + relay
                + ",\"listPriceCents\":14900,\"insertionHours\":"
                + (category.equals("LAPTOP") ? "2.5" : "1.25")
                + "}");
        devices.add(device);
      }
      return devices;
    }

    /**
     * A day at the counter: the drawer opened with 50 €, each device sold to a person found
     * eligible that day, paid by a voucher and the rest in cash, the drawer closed with the cash
     * counted ({@code difference} cents off).
     */
    private void sell(long relay, long programme, List<Long> devices, long difference) {
      List<String> codes =
          object(
                  "financeur",
                  "voucher-programs/" + programme + "/vouchers",
                  "{\"quantity\":" + devices.size() + "}")
              .getJsonArray("codes")
              .getValuesAs(v -> ((jakarta.json.JsonString) v).getString());
      long session =
          object("relais", "relays/" + relay + "/cash-sessions", "{\"openingFloatCents\":5000}")
              .getJsonNumber("id")
              .longValue();
      long cash = 0;
      for (int i = 0; i < devices.size(); i++) {
        String person =
            object(
                    "social",
                    "beneficiaries",
                    "{\"fileReference\":\"HIST-"
                        + devices.get(i)
                        + "\",\"householdSize\":3,\"postalCode\":\"80000\"}")
                .getString("id");
        post(
            "social",
            "beneficiaries/" + person + "/eligibility-decisions",
            "{\"criteria\":[\"RSA\"],\"proofType\":\"Attestation CAF\",\"proofDate\":\""
                + today().minusDays(3)
                + "\"}");
        long order =
            object(
                    "relais",
                    "orders",
                    "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[" + devices.get(i) + "]}")
                .getJsonNumber("id")
                .longValue();
        JsonObject withVoucher =
            object(
                "relais", "orders/" + order + "/vouchers", "{\"code\":\"" + codes.get(i) + "\"}");
        long due = withVoucher.getJsonNumber("dueCents").longValue();
        if (due > 0) {
          post(
              "relais",
              "orders/" + order + "/payments",
              "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
          cash += due;
        }
        post("relais", "orders/" + order + "/completion", null);
      }
      post(
          "relais",
          "relays/" + relay + "/cash-sessions/" + session + "/closing",
          "{\"countedCents\":" + (5000 + cash + difference) + "}");
    }

    private void back(Duration duration) {
      ClockProducer.storyShift(duration);
    }

    private LocalDate today() {
      return LocalDate.now(clock);
    }

    private long organisation(String user) {
      return get(user, "me").getJsonObject("organisation").getJsonNumber("id").longValue();
    }

    private JsonObject object(String user, String path, String body) {
      return post(user, path, body).asJsonObject();
    }

    private JsonObject get(String user, String path) {
      return send(user, "GET", path, null).asJsonObject();
    }

    private JsonValue post(String user, String path, String body) {
      return send(user, "POST", path, body);
    }

    private JsonValue send(String user, String method, String path, String body) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(30))
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
              .header("Accept", "application/json");
      if (body != null) {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
      } else {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> answer;
      try {
        answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted", e);
      }
      if (answer.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + path + " as " + user + ": " + answer.statusCode() + " " + answer.body());
      }
      String text = answer.body();
      if (text == null || text.isBlank()) {
        return JsonValue.EMPTY_JSON_OBJECT;
      }
      try (var reader = Json.createReader(new StringReader(text))) {
        return reader.readValue();
      }
    }
  }
}
