package fr.secondevie.sales.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failover drill's counters and its checks (run by {@code src/test/bench/failover-drill.sh},
 * which starts two instances behind HAProxy and kills one mid-run). Each of the counters, an agent
 * with an account of its own at the demo relay (HTTP Basic), sells in a closed loop through HAProxy
 * what {@link CheckoutBenchmark} sells (open an order with one device, a voucher, the rest in cash,
 * complete). When a request fails (the instance died under it, HAProxy answered 502 or 503, the
 * connection dropped), the counter does what an agent does: it notes what it saw, then resumes the
 * sale from the database, as the open-orders page does (the order it knows, or the person's open
 * order when the answer to the opening was lost), and carries out the step the order still needs;
 * after five failed tries it leaves the sale, whose hold expires. After the run it waits for the
 * holds to lapse and checks the database: no order half done, receipt numbers without gap or
 * duplicate, every hold released within the hold time and a minute of the job.
 *
 * <pre>
 * java -cp ... fr.secondevie.sales.bench.FailoverDrill http://127.0.0.1:8180 \
 *   jdbc:postgresql://127.0.0.1:5432/sv_failover postgres 16 60 6000 1
 * </pre>
 */
public final class FailoverDrill {

  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern DUE = Pattern.compile("\"dueCents\":(\\d+)");
  private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");
  private static final int TRIES = 5;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  /** Each counter logs in as an agent of its own, as at a relay: the thread's credentials. */
  private final ThreadLocal<String> auth = ThreadLocal.withInitial(() -> basic("relais", "demo"));

  private final Map<String, AtomicLong> seen = new ConcurrentHashMap<>();
  private final AtomicLong straight = new AtomicLong();
  private final AtomicLong resumed = new AtomicLong();
  private final AtomicLong left = new AtomicLong();
  private final AtomicLong requests = new AtomicLong();
  private AtomicLongArray perFiveSeconds;
  private long startedNanos;

  private FailoverDrill(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String url = args[1];
    String user = args[2];
    int clients = Integer.parseInt(args[3]);
    int seconds = Integer.parseInt(args[4]);
    int stock = Integer.parseInt(args[5]);
    int holdMinutes = Integer.parseInt(args[6]);
    FailoverDrill drill = new FailoverDrill(base);

    long relay =
        id(drill.send("GET", "/api/v1/me", null).body().replaceAll(".*\"organisation\":", ""));
    ConcurrentLinkedQueue<Long> devices = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> people = new ConcurrentLinkedQueue<>();
    try (Connection db = DriverManager.getConnection(url, user, "")) {
      devices.addAll(CheckoutBenchmark.devices(db, relay, stock));
      people.addAll(CheckoutBenchmark.people(db, stock));
    }
    ConcurrentLinkedQueue<String> vouchers =
        new ConcurrentLinkedQueue<>(CheckoutBenchmark.vouchers(drill.http, base, stock));
    var drawer =
        drill.send(
            "POST", "/api/v1/relays/" + relay + "/cash-sessions", "{\"openingFloatCents\":5000}");
    if (drawer.statusCode() != 201 && drawer.statusCode() != 409) {
      throw new IllegalStateException("The cash drawer did not open: " + drawer.body());
    }
    // every agent logs in once before the clock starts (its first request checks the password
    // hash; later ones find it cached)
    List<String> agents = drill.agents(relay, clients);
    drill.warmUp(agents);
    LocalDateTime drillStart = LocalDateTime.now();
    System.out.printf(
        "Stock ready: %d devices, people and vouchers at relay %d; %d counters for %d s (started"
            + " %s)%n",
        devices.size(), relay, clients, seconds, drillStart);
    drill.run(agents, seconds, devices, people, vouchers);
    drill.report(seconds);
    boolean passed = check(url, user, relay, drillStart, holdMinutes, drill);
    System.out.println(passed ? "DRILL PASSED" : "DRILL FAILED");
    System.exit(passed ? 0 : 1);
  }

  /** An account for each counter at the relay, created by the territory's coordination. */
  private List<String> agents(long relay, int clients) throws Exception {
    String admin = basic("admin", "demo");
    List<String> agents = new ArrayList<>();
    String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    for (int c = 0; c < clients; c++) {
      String name = "drill" + run + "c" + c;
      String password = "exercice-de-bascule";
      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/api/v1/organisations/" + relay + "/users"))
                  .header("Authorization", admin)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\""
                              + name
                              + "\",\"password\":\""
                              + password
                              + "\",\"role\":\"counter\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (created.statusCode() != 201) {
        throw new IllegalStateException("No account " + name + ": " + created.body());
      }
      agents.add(basic(name, password));
    }
    return agents;
  }

  /** Each agent's first request, all at once, waited for. */
  private void warmUp(List<String> agents) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (String agent : agents) {
      Thread t =
          new Thread(
              () -> {
                auth.set(agent);
                for (int i = 0; i < 3; i++) {
                  try {
                    if (send("GET", "/api/v1/me", null).statusCode() == 200) {
                      return;
                    }
                  } catch (IOException e) {
                    // timed out under load: again
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  private void run(
      List<String> agents,
      int seconds,
      ConcurrentLinkedQueue<Long> devices,
      ConcurrentLinkedQueue<String> people,
      ConcurrentLinkedQueue<String> vouchers)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    perFiveSeconds = new AtomicLongArray(seconds / 5 + 2);
    startedNanos = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (String agent : agents) {
      Thread t =
          new Thread(
              () -> {
                auth.set(agent);
                while (!stop.get()) {
                  Long device = devices.poll();
                  String person = people.poll();
                  String code = vouchers.poll();
                  if (device == null || person == null || code == null) {
                    System.err.println("Out of stock: raise BENCH_STOCK");
                    stop.set(true);
                    return;
                  }
                  checkout(device, person, code);
                }
              });
      threads.add(t);
      t.start();
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
  }

  /** One sale, resumed from the database after each failure. */
  private void checkout(long device, String person, String code) {
    int failures = 0;
    Long order = null;
    String due = null;
    String step = "open";
    while (true) {
      try {
        HttpResponse<String> answer;
        switch (step) {
          case "open" -> {
            answer =
                send(
                    "POST",
                    "/api/v1/orders",
                    "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[" + device + "]}");
            if (answer.statusCode() == 201) {
              order = id(answer.body());
              step = "voucher";
              continue;
            }
          }
          case "voucher" -> {
            answer = send("POST", "/api/v1/orders/" + order + "/vouchers", code(code));
            if (answer.statusCode() == 200) {
              due = match(DUE, answer.body()).orElseThrow();
              step = Long.parseLong(due) > 0 ? "cash" : "complete";
              continue;
            }
          }
          case "cash" -> {
            answer =
                send(
                    "POST",
                    "/api/v1/orders/" + order + "/payments",
                    "{\"method\":\"CASH\",\"amountCents\":" + due + "}");
            if (answer.statusCode() == 201) {
              step = "complete";
              continue;
            }
          }
          case "complete" -> {
            answer = send("POST", "/api/v1/orders/" + order + "/completion", "");
            if (answer.statusCode() == 200) {
              done(failures == 0 ? straight : resumed);
              return;
            }
          }
          default -> throw new IllegalStateException(step);
        }
        note(step, answer.statusCode() + match(CODE, answer.body()).map(c -> " " + c).orElse(""));
      } catch (IOException e) {
        note(step, failure(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (++failures >= TRIES) {
        left.incrementAndGet();
        return;
      }
      pause(1_000);
      // resume from the database: where is the sale?
      try {
        if (order == null) {
          order = openOrderOf(person).orElse(null);
          if (order == null) {
            continue; // the opening never happened: open again
          }
        }
        HttpResponse<String> read = send("GET", "/api/v1/orders/" + order, null);
        if (read.statusCode() != 200) {
          note("resume", String.valueOf(read.statusCode()));
          continue;
        }
        jakarta.json.JsonObject state = json(read.body()).asJsonObject();
        String status = state.getString("status");
        if (status.equals("PAID")) {
          done(resumed);
          return;
        }
        if (!status.equals("OPEN")) {
          note("resume", "order " + status);
          left.incrementAndGet();
          return;
        }
        due = String.valueOf(state.getJsonNumber("dueCents").longValue());
        boolean voucherOn =
            state.getJsonArray("vouchers").getValuesAs(jakarta.json.JsonObject.class).stream()
                .anyMatch(v -> code.replace("-", "").equals(v.getString("code", null)));
        step = !voucherOn ? "voucher" : Long.parseLong(due) > 0 ? "cash" : "complete";
      } catch (IOException e) {
        note("resume", failure(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The person's open order at the relay, if the opening went through after all. */
  private Optional<Long> openOrderOf(String person) throws IOException, InterruptedException {
    HttpResponse<String> open = send("GET", "/api/v1/orders?status=OPEN", null);
    if (open.statusCode() != 200) {
      throw new IOException("open orders: " + open.statusCode());
    }
    return json(open.body()).asJsonArray().getValuesAs(jakarta.json.JsonObject.class).stream()
        .filter(o -> person.equals(o.getString("beneficiaryId", null)))
        .map(o -> o.getJsonNumber("id").longValue())
        .findFirst();
  }

  private static jakarta.json.JsonValue json(String body) {
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
      return reader.readValue();
    }
  }

  /** What the counter saw of a request that got no answer. */
  private static String failure(IOException e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return e.getClass().getSimpleName() + message.substring(0, Math.min(message.length(), 70));
  }

  private void done(AtomicLong outcome) {
    outcome.incrementAndGet();
    int bucket = (int) ((System.nanoTime() - startedNanos) / 5_000_000_000L);
    if (bucket < perFiveSeconds.length()) {
      perFiveSeconds.incrementAndGet(bucket);
    }
  }

  private void note(String step, String what) {
    long second = (System.nanoTime() - startedNanos) / 1_000_000_000L;
    seen.computeIfAbsent(step + " → " + what, k -> new AtomicLong()).incrementAndGet();
    seen.computeIfAbsent("  (failures in second " + second + ")", k -> new AtomicLong())
        .incrementAndGet();
  }

  private void report(int seconds) {
    long done = straight.get() + resumed.get();
    System.out.printf(
        "Checkouts done: %d (%.1f/s over %d s): %d without a hitch, %d resumed from the database"
            + " after a failure; left to the hold expiry: %d; requests sent: %d%n",
        done,
        done / (double) seconds,
        seconds,
        straight.get(),
        resumed.get(),
        left.get(),
        requests.get());
    StringBuilder timeline = new StringBuilder("Checkouts done per 5 s:");
    for (int i = 0; i < perFiveSeconds.length() - 1; i++) {
      timeline.append(' ').append(perFiveSeconds.get(i));
    }
    System.out.println(timeline);
    System.out.println("What the counters saw when a request failed (step → answer: times):");
    new TreeMap<>(seen)
        .entrySet().stream()
            .filter(e -> !e.getKey().startsWith("  "))
            .forEach(e -> System.out.printf("  %s: %d%n", e.getKey(), e.getValue().get()));
    String when =
        new TreeMap<>(seen)
            .entrySet().stream()
                .filter(e -> e.getKey().startsWith("  "))
                .map(e -> e.getKey().replaceAll("\\D", "") + "s:" + e.getValue().get())
                .sorted(
                    (a, b) ->
                        Integer.compare(
                            Integer.parseInt(a.split("s")[0]), Integer.parseInt(b.split("s")[0])))
                .reduce((a, b) -> a + " " + b)
                .orElse("none");
    System.out.println("Failures by second of the run: " + when);
  }

  /**
   * After the holds have had time to lapse, what the database says: nothing half done, the
   * receipts' series unbroken, every hold released.
   */
  private static boolean check(
      String url,
      String user,
      long relay,
      LocalDateTime since,
      int holdMinutes,
      FailoverDrill drill)
      throws Exception {
    boolean passed = true;
    try (Connection db = DriverManager.getConnection(url, user, "")) {
      // wait for the hold expiry: the hold, then the job's next minute, then a margin
      LocalDateTime deadline = LocalDateTime.now().plusMinutes(holdMinutes).plusSeconds(150);
      long open;
      while ((open =
                  count(
                      db,
                      "select count(*) from sale_order where relay_id = ? and status ="
                          + " 'OPEN' and opened_at >= ?",
                      relay,
                      since))
              > 0
          && LocalDateTime.now().isBefore(deadline)) {
        Thread.sleep(5_000);
      }
      System.out.printf("Database checks (relay %d, orders opened since %s):%n", relay, since);
      passed &=
          expectZero(
              "orders still open %d min %d s after the run".formatted(holdMinutes, 150), open);
      passed &=
          expectZero(
              "devices SOLD without a PAID order",
              count(
                  db,
                  "select count(*) from device d where d.relay_id = ? and d.status = 'SOLD' and"
                      + " d.sold_at >= ? and not exists (select 1 from sale_order_line l join"
                      + " sale_order o on o.id = l.order_id where l.device_id = d.id and o.status"
                      + " = 'PAID')",
                  relay,
                  since));
      passed &=
          expectZero(
              "devices RESERVED without an OPEN order",
              count(
                  db,
                  "select count(*) from device d where d.relay_id = ? and d.status = 'RESERVED'"
                      + " and not exists (select 1 from sale_order_line l join sale_order o on o.id"
                      + " = l.order_id where l.device_id = d.id and o.status = 'OPEN')",
                  relay,
                  null));
      passed &=
          expectZero(
              "vouchers REDEEMED without a PAID order",
              count(
                  db,
                  "select count(*) from voucher v where v.status = 'REDEEMED' and v.redeemed_at >="
                      + " ? and not exists (select 1 from sale_order o where o.id = v.order_id and"
                      + " o.status = 'PAID')",
                  null,
                  since));
      passed &=
          expectZero(
              "vouchers HELD without an OPEN order",
              count(
                  db,
                  "select count(*) from voucher v where v.status = 'HELD' and not exists (select 1"
                      + " from sale_order o where o.id = v.order_id and o.status = 'OPEN')",
                  null,
                  null));
      passed &=
          expectZero(
              "PAID orders without a receipt number, a payment covering them, or a line",
              count(
                  db,
                  "select count(*) from sale_order o where o.relay_id = ? and o.opened_at >= ? and"
                      + " o.status = 'PAID' and (o.receipt_number is null or not exists (select 1"
                      + " from sale_order_line l where l.order_id = o.id) or (select"
                      + " coalesce(sum(p.amount_cents), 0) from sale_payment p where p.order_id ="
                      + " o.id and p.status = 'SUCCEEDED') + (select coalesce(sum(v.applied_cents),"
                      + " 0) from sale_order_voucher v where v.order_id = o.id) < (select"
                      + " sum(l.price_cents * l.quantity) from sale_order_line l where l.order_id ="
                      + " o.id))",
                  relay,
                  since));
      passed &=
          expectZero(
              "orders not PAID holding a SOLD device or a REDEEMED voucher",
              count(
                  db,
                  "select count(*) from sale_order o where o.relay_id = ? and o.opened_at >= ? and"
                      + " o.status <> 'PAID' and (exists (select 1 from sale_order_line l join"
                      + " device d on d.id = l.device_id where l.order_id = o.id and d.status ="
                      + " 'SOLD') or exists (select 1 from voucher v where v.order_id = o.id and"
                      + " v.status = 'REDEEMED'))",
                  relay,
                  since));
      // receipts: this year's series of the relay, 1..n, each once
      List<Integer> numbers = new ArrayList<>();
      try (PreparedStatement q =
          db.prepareStatement(
              "select receipt_number from sale_order where relay_id = ? and receipt_number like"
                  + " ?")) {
        q.setLong(1, relay);
        q.setString(2, LocalDate.now().getYear() + "-R" + relay + "-%");
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            String n = rows.getString(1);
            numbers.add(Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)));
          }
        }
      }
      long distinct = numbers.stream().distinct().count();
      int highest = numbers.stream().mapToInt(Integer::intValue).max().orElse(0);
      System.out.printf(
          "  receipt numbers this year: %d, distinct %d, highest %d%n",
          numbers.size(), distinct, highest);
      passed &= expectZero("duplicate receipt numbers", numbers.size() - distinct);
      passed &= expectZero("gaps in the receipt numbers", highest - distinct);
      long paid =
          count(
              db,
              "select count(*) from sale_order where relay_id = ? and status = 'PAID' and"
                  + " opened_at >= ?",
              relay,
              since);
      long done = drill.straight.get() + drill.resumed.get();
      System.out.printf(
          "  orders PAID in the database: %d; checkouts the counters saw done: %d%n", paid, done);
      passed &= expectZero("checkouts seen done but not PAID", Math.max(0, done - paid));
      // the holds: each order that expired, released how long after it was opened
      try (PreparedStatement q =
          db.prepareStatement(
              "select status, count(*), max(closed_at - opened_at) from sale_order where relay_id"
                  + " = ? and opened_at >= ? and status <> 'PAID' group by status")) {
        q.setLong(1, relay);
        q.setTimestamp(2, Timestamp.valueOf(since));
        try (ResultSet rows = q.executeQuery()) {
          while (rows.next()) {
            System.out.printf(
                "  orders %s: %d, the longest held %s after its opening (hold %d min, the job"
                    + " every minute)%n",
                rows.getString(1), rows.getLong(2), rows.getString(3), holdMinutes);
          }
        }
      }
      long late =
          count(
              db,
              "select count(*) from sale_order where relay_id = ? and opened_at >= ? and status ="
                  + " 'EXPIRED' and closed_at > opened_at + interval '"
                  + (holdMinutes * 60 + 75)
                  + " seconds'",
              relay,
              since);
      passed &= expectZero("holds released later than the hold time + 75 s", late);
    }
    return passed;
  }

  private static boolean expectZero(String what, long n) {
    System.out.printf("  %-72s %d %s%n", what + ":", n, n == 0 ? "ok" : "FAILED");
    return n == 0;
  }

  private static long count(Connection db, String sql, Long relay, LocalDateTime since)
      throws SQLException {
    try (PreparedStatement q = db.prepareStatement(sql)) {
      int i = 1;
      if (relay != null) {
        q.setLong(i++, relay);
      }
      if (since != null) {
        q.setTimestamp(i, Timestamp.valueOf(since));
      }
      try (ResultSet rows = q.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private HttpResponse<String> send(String method, String path, String json)
      throws IOException, InterruptedException {
    requests.incrementAndGet();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", auth.get());
    if (json == null) {
      request.GET();
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String code(String code) {
    return "{\"code\":\"" + code + "\"}";
  }

  private static Optional<String> match(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body == null ? "" : body);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static long id(String json) {
    return Long.parseLong(match(ID, json).orElseThrow(() -> new IllegalStateException(json)));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
