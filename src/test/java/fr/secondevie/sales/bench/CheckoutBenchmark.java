package fr.secondevie.sales.bench;

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
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkouts per second at 16 counters: each checkout is the four requests a counter sends for a
 * sale paid by a voucher and cash (open the order with one device, put a voucher on it, take the
 * rest in cash, complete), each counter one after the other in a closed loop. Beside it, in the
 * same run, the throughput of a trivial read (one relay by id). Fills the database first
 * (PostgreSQL): devices on sale at the demo relay, eligible people (one laptop each: every checkout
 * needs a new person) and vouchers issued through the API.
 *
 * <p>The counters stand at one relay, or spread over several ({@code relays}, the last argument): a
 * relay's sales are one chain in its journal, so one relay's completions queue on its journal's
 * head by design, while relays' chains are independent. With more than one, the benchmark creates
 * the other relays and a counter account at each through the API, each with its own cash drawer.
 *
 * <pre>
 * java -cp target/test-classes:... fr.secondevie.sales.bench.CheckoutBenchmark \
 *   http://localhost:8082 jdbc:postgresql://127.0.0.1:5432/sv_checkout postgres 16 20 12000 4
 * </pre>
 */
public final class CheckoutBenchmark {

  private static final String[] STEPS = {"open", "voucher", "cash", "complete"};
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
  private static final Pattern DUE = Pattern.compile("\"dueCents\":(\\d+)");

  private CheckoutBenchmark() {}

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8082";
    String url = args.length > 1 ? args[1] : "jdbc:postgresql://127.0.0.1:5432/sv_checkout";
    String user = args.length > 2 ? args[2] : "postgres";
    int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
    int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    int stock = args.length > 5 ? Integer.parseInt(args[5]) : 12_000;
    int relays = args.length > 6 ? Integer.parseInt(args[6]) : 1;
    int roundCount = args.length > 7 ? Integer.parseInt(args[7]) : 1;

    HttpClient http =
        HttpClient.newBuilder()
            .version(
                "2".equals(System.getenv("BENCH_HTTP"))
                    ? HttpClient.Version.HTTP_2
                    : HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String counter = basic("relais", "demo");
    long relay =
        id(get(http, base + "/api/v1/me", counter).body().replaceAll(".*\"organisation\":", ""));
    List<Station> stations = new ArrayList<>();
    stations.add(new Station(relay, counter, new ConcurrentLinkedQueue<>()));
    for (int r = 2; r <= relays; r++) {
      stations.add(newRelay(http, base, "Relais banc " + System.currentTimeMillis() + "-" + r));
    }

    long started = System.nanoTime();
    ConcurrentLinkedQueue<String> people = new ConcurrentLinkedQueue<>();
    try (Connection db = DriverManager.getConnection(url, user, "")) {
      for (Station station : stations) {
        station.devices().addAll(devices(db, station.relay(), stock / relays + 1));
      }
      people.addAll(people(db, stock));
    }
    ConcurrentLinkedQueue<String> vouchers =
        new ConcurrentLinkedQueue<>(vouchers(http, base, stock));
    System.out.printf(
        "Stock: %d devices at %d relay(s) from %d, %d eligible people, %d vouchers (%.1f s)%n",
        stations.stream().mapToInt(s -> s.devices().size()).sum(),
        relays,
        relay,
        people.size(),
        vouchers.size(),
        (System.nanoTime() - started) / 1e9);

    // each relay's cash drawer, open for the cash payments (409 when a drawer is open already: the
    // benchmark run before left it open, which is fine)
    for (Station station : stations) {
      HttpResponse<String> drawer =
          post(
              http,
              base + "/api/v1/relays/" + station.relay() + "/cash-sessions",
              station.auth(),
              "{\"openingFloatCents\":5000}");
      if (drawer.statusCode() != 201 && drawer.statusCode() != 409) {
        throw new IllegalStateException("The cash drawer did not open: " + drawer.body());
      }
    }

    // warm-up: a few checkouts and reads, not measured
    Load load = new Load(http, base, stations, clients, people, vouchers);
    runCheckouts(load, 5);
    String trivial = base + "/api/v1/relays/" + relay;
    runReads(http, trivial, clients, 5);

    List<Round> rounds = new ArrayList<>();
    for (int r = 1; r <= roundCount; r++) {
      if (roundCount > 1) {
        System.out.printf("Round %d of %d%n", r, roundCount);
      }
      rounds.add(round(load, seconds, trivial));
    }
    if (roundCount > 1) {
      System.out.printf(
          "Median of %d rounds: checkout requests are %.0f %% of the trivial read (%.0f-%.0f %%);"
              + " server CPU %.2f ms per checkout request against %.2f for the trivial read"
              + " (%.2f times), database CPU %.2f against %.2f%n",
          roundCount,
          median(rounds, Round::percent),
          rounds.stream().mapToDouble(Round::percent).min().orElse(0),
          rounds.stream().mapToDouble(Round::percent).max().orElse(0),
          median(rounds, Round::serverCheckout),
          median(rounds, Round::serverTrivial),
          median(rounds, q -> q.serverCheckout() / q.serverTrivial()),
          median(rounds, Round::databaseCheckout),
          median(rounds, Round::databaseTrivial));
    }
  }

  /** What one round measured: the share, and the CPU per request of each phase (ms). */
  private record Round(
      double percent,
      double serverTrivial,
      double serverCheckout,
      double databaseTrivial,
      double databaseCheckout) {}

  private static double median(List<Round> rounds, java.util.function.ToDoubleFunction<Round> of) {
    double[] values = rounds.stream().mapToDouble(of).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  /**
   * One round: the trivial read, then the checkouts, each for {@code seconds}, with the CPU the
   * server and the database spent in each; several rounds in one run pair each checkout phase with
   * a trivial phase a few seconds before it, which the machine's slower and faster moments affect
   * alike.
   */
  private static Round round(Load load, int seconds, String trivial) throws Exception {
    long cpu0 = ServerCpu.millis();
    long db0 = DatabaseCpu.millis();
    long[] read = runReads(load.http(), trivial, load.clients(), seconds);
    long cpu1 = ServerCpu.millis();
    long db1 = DatabaseCpu.millis();
    System.out.printf(
        "%-28s %8.0f req/s   median %6.2f ms   p99 %7.2f ms%s%s%n",
        "trivial (GET /relays/{id})",
        read.length / (double) seconds,
        percentile(read, 0.5),
        percentile(read, 0.99),
        ServerCpu.perRequest(cpu1 - cpu0, read.length),
        DatabaseCpu.perRequest(db1 - db0, read.length));
    Profiler.start();
    Checkouts run = runCheckouts(load, seconds);
    long cpu2 = ServerCpu.millis();
    long db2 = DatabaseCpu.millis();
    Profiler.stop(); // after the readings: writing the profile is not the checkouts' CPU
    double checkoutsPerSecond = run.completed / (double) seconds;
    System.out.printf(
        "%-28s %8.1f checkouts/s = %.0f req/s (%d checkouts, %d errors, %d relay(s))%s%s%n",
        "checkout (4 requests)",
        checkoutsPerSecond,
        checkoutsPerSecond * 4,
        run.completed,
        run.errors.get(),
        load.stations().size(),
        ServerCpu.perRequest(cpu2 - cpu1, run.completed * 4),
        DatabaseCpu.perRequest(db2 - db1, run.completed * 4));
    for (int s = 0; s < STEPS.length; s++) {
      long[] nanos = run.steps.get(s).stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf(
          "   %-10s median %6.2f ms   p99 %7.2f ms%n",
          STEPS[s], percentile(nanos, 0.5), percentile(nanos, 0.99));
    }
    double percent = 100 * checkoutsPerSecond * 4 / (read.length / (double) seconds);
    System.out.printf(
        "Checkout requests are %.0f %% of the trivial endpoint's throughput (compare with the"
            + " code before a change on the same machine: checkout-ab.sh)%n",
        percent);
    return new Round(
        percent,
        (cpu1 - cpu0) / (double) Math.max(1, read.length),
        (cpu2 - cpu1) / (double) Math.max(1, run.completed * 4),
        (db1 - db0) / (double) Math.max(1, read.length),
        (db2 - db1) / (double) Math.max(1, run.completed * 4));
  }

  /**
   * The CPU time the application server has spent (user and system, from {@code /proc}), when the
   * script names its process ({@code -Dbench.server.pid}): what a request costs whatever the
   * machine's load.
   */
  private static final class ServerCpu {
    private static final String PID = System.getProperty("bench.server.pid", "");

    static long millis() {
      if (PID.isEmpty()) {
        return 0;
      }
      try {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", PID, "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are the 14th and 15th fields, clock ticks of 10 ms on Linux
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
      } catch (java.io.IOException e) {
        return 0;
      }
    }

    static String perRequest(long millis, long requests) {
      return PID.isEmpty() || requests == 0
          ? ""
          : String.format("   server CPU %.2f ms/request", millis / (double) requests);
    }
  }

  /**
   * The CPU time the PostgreSQL processes of this machine have spent (user and system, from {@code
   * /proc}, all of them: the backends serving the pool live as long as it does), on Linux with the
   * database on this machine; nothing elsewhere.
   */
  private static final class DatabaseCpu {

    static long millis() {
      long ticks = 0;
      java.io.File[] processes = new java.io.File("/proc").listFiles();
      if (processes == null) {
        return 0;
      }
      for (java.io.File process : processes) {
        if (!process.getName().chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String stat = java.nio.file.Files.readString(process.toPath().resolve("stat"));
          if (!stat.contains("(postgres)")) {
            continue;
          }
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (java.io.IOException | RuntimeException gone) {
          // a process that ended meanwhile
        }
      }
      return ticks * 10;
    }

    static String perRequest(long millis, long requests) {
      return millis == 0 || requests == 0
          ? ""
          : String.format(", database CPU %.2f ms/request", millis / (double) requests);
    }
  }

  /**
   * async-profiler attached to the server for each checkout phase, when the script names its
   * library ({@code BENCH_ASYNC_PROFILER=1}): the server's stacks sampled every millisecond of its
   * CPU, written as collapsed stacks to {@code target/checkout-profile-<round>.collapsed} (one line
   * a stack and its count, what flame-graph tools read).
   */
  private static final class Profiler {
    private static final String LIBRARY = System.getProperty("bench.profiler", "");
    private static int round;

    static void start() {
      command("start,event=itimer,interval=1ms");
    }

    static void stop() {
      round++;
      command(
          "stop,collapsed,file="
              + java.nio.file.Path.of("target", "checkout-profile-" + round + ".collapsed")
                  .toAbsolutePath());
    }

    private static void command(String options) {
      if (LIBRARY.isEmpty() || ServerCpu.PID.isEmpty()) {
        return;
      }
      try {
        // jcmd reads key=value pairs itself: the agent's options go through quoted
        Process jcmd =
            new ProcessBuilder(
                    "jcmd", ServerCpu.PID, "JVMTI.agent_load", LIBRARY, '"' + options + '"')
                .redirectErrorStream(true)
                .start();
        String said = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
          System.err.println("async-profiler: " + said);
        }
      } catch (java.io.IOException e) {
        System.err.println("async-profiler: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A relay, the counter account that sells there, and its devices on sale. */
  private record Station(long relay, String auth, ConcurrentLinkedQueue<Long> devices) {}

  /** A new relay of the admin's territory with a counter account, through the API. */
  private static Station newRelay(HttpClient http, String base, String name) throws Exception {
    String admin = basic("admin", "demo");
    var relay =
        post(
            http,
            base + "/api/v1/organisations",
            admin,
            "{\"name\":\"" + name + "\",\"kind\":\"RELAY\",\"publicBody\":false}");
    expect(relay, 201);
    long id = id(relay.body());
    String username = "banc" + id;
    String password = "mot de passe du banc d'essai";
    expect(
        post(
            http,
            base + "/api/v1/organisations/" + id + "/users",
            admin,
            "{\"username\":\""
                + username
                + "\",\"password\":\""
                + password
                + "\",\"role\":\"counter\"}"),
        201);
    return new Station(id, basic(username, password), new ConcurrentLinkedQueue<>());
  }

  /** Who runs the checkouts, where, and with what stock of people and vouchers. */
  private record Load(
      HttpClient http,
      String base,
      List<Station> stations,
      int clients,
      ConcurrentLinkedQueue<String> people,
      ConcurrentLinkedQueue<String> vouchers) {}

  /** The measured checkouts: counts and each step's latencies. */
  private record Checkouts(long completed, AtomicLong errors, List<List<Long>> steps) {}

  private static Checkouts runCheckouts(Load load, int seconds) throws InterruptedException {
    AtomicLong threads = new AtomicLong();
    ThreadLocal<Station> at =
        ThreadLocal.withInitial(
            () -> load.stations().get((int) (threads.getAndIncrement() % load.stations().size())));
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong completed = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<List<Long>> steps = new ArrayList<>();
    for (int s = 0; s < STEPS.length; s++) {
      steps.add(java.util.Collections.synchronizedList(new ArrayList<>()));
    }
    closedLoop(
        load.clients(),
        seconds,
        stop,
        () -> {
          Station station = at.get();
          String auth = station.auth();
          Long device = station.devices().poll();
          String person = load.people().poll();
          String code = load.vouchers().poll();
          if (device == null || person == null || code == null) {
            System.err.println("Out of stock: raise the stock argument");
            stop.set(true);
            return;
          }
          try {
            long t0 = System.nanoTime();
            var opened =
                post(
                    load.http(),
                    load.base() + "/api/v1/orders",
                    auth,
                    "{\"beneficiaryId\":\"" + person + "\",\"deviceIds\":[" + device + "]}");
            long t1 = System.nanoTime();
            expect(opened, 201);
            String order = load.base() + "/api/v1/orders/" + id(opened.body());
            var withVoucher =
                post(load.http(), order + "/vouchers", auth, "{\"code\":\"" + code + "\"}");
            long t2 = System.nanoTime();
            expect(withVoucher, 200);
            Matcher due = DUE.matcher(withVoucher.body());
            due.find();
            var cash =
                post(
                    load.http(),
                    order + "/payments",
                    auth,
                    "{\"method\":\"CASH\",\"amountCents\":" + due.group(1) + "}");
            long t3 = System.nanoTime();
            expect(cash, 201);
            var done = post(load.http(), order + "/completion", auth, "");
            long t4 = System.nanoTime();
            expect(done, 200);
            if (!stop.get()) {
              steps.get(0).add(t1 - t0);
              steps.get(1).add(t2 - t1);
              steps.get(2).add(t3 - t2);
              steps.get(3).add(t4 - t3);
              completed.incrementAndGet();
            }
          } catch (Exception e) {
            if (errors.incrementAndGet() < 5) {
              System.err.println(e.getMessage());
            }
          }
        });
    return new Checkouts(completed.get(), errors, steps);
  }

  private static long[] runReads(HttpClient http, String url, int clients, int seconds)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
    closedLoop(
        clients,
        seconds,
        stop,
        () -> {
          long t0 = System.nanoTime();
          try {
            var answer =
                http.send(
                    HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200 && !stop.get()) {
              nanos.add(System.nanoTime() - t0);
            }
          } catch (Exception e) {
            stop.set(true);
          }
        });
    long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    return sorted;
  }

  /** {@code clients} threads repeat {@code step} until {@code seconds} have passed. */
  private static void closedLoop(int clients, int seconds, AtomicBoolean stop, Runnable step)
      throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread t =
          new Thread(
              () -> {
                while (!stop.get()) {
                  step.run();
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

  /**
   * {@code count} devices on sale at the relay: those an earlier run left on sale first, then new
   * ones for what is missing, so that the relay's stock, and the catalogue each instance keeps of
   * it, stays the same from run to run (adding a full stock each run had put 386,000 devices on
   * sale after thirty runs, whose catalogue copy filled the heap).
   */
  static List<Long> devices(Connection db, long relay, int count) throws SQLException {
    List<Long> left =
        ids(
            db,
            "select id from device where relay_id = "
                + relay
                + " and status = 'AVAILABLE' and serial_number like 'BENCH-%' order by id limit "
                + count);
    if (left.size() >= count) {
      return left;
    }
    List<Long> all = new ArrayList<>(left);
    all.addAll(newDevices(db, relay, count - left.size()));
    return all;
  }

  private static List<Long> newDevices(Connection db, long relay, int count) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into device (donation_id, serial_number, category, brand, model, search_text,"
                + " status, public_origin, grade, battery_health_percent, functional_tests_passed,"
                + " erasure_method, erasure_tool, erasure_certificate_id, erased_at,"
                + " erasure_operator, refurbisher_id, relay_id, list_price_cents, received_at,"
                + " received_by, refurbished_at)"
                + " select (select min(id) from donation), 'BENCH-' || ? || '-' || g, 'LAPTOP',"
                + " 'Dell', 'Latitude 5490', 'dell latitude 5490', 'AVAILABLE', false, 'B', 85,"
                + " true, 'PURGE', 'Blancco Drive Eraser 7', 'EFF-BENCH-' || ? || '-' || g, now(),"
                + " 'bench', (select min(id) from organisation where kind = 'REFURBISHER'), ?,"
                + " 25000, now(), 'bench', now() from generate_series(1, ?) g")) {
      long run = System.currentTimeMillis();
      insert.setLong(1, run);
      insert.setLong(2, run);
      insert.setLong(3, relay);
      insert.setInt(4, count);
      insert.executeUpdate();
      return ids(
          db, "select id from device where serial_number like 'BENCH-" + run + "-%' order by id");
    }
  }

  static List<String> people(Connection db, int count) throws SQLException {
    String prefix = "B" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    try (PreparedStatement beneficiaries =
            db.prepareStatement(
                "insert into beneficiary (id, social_structure_id, file_reference, household_size,"
                    + " postal_code, created_at, last_contact_at) select ? || lpad(g::text, 7,"
                    + " '0'), (select min(id) from organisation where kind = 'SOCIAL_STRUCTURE'),"
                    + " 'bench', 2, '80000', now(), now() from generate_series(1, ?) g");
        PreparedStatement decisions =
            db.prepareStatement(
                "insert into eligibility_decision (beneficiary_id, rule_set_version, decision,"
                    + " tier, valid_until, criteria, proof_type, proof_date, decided_by,"
                    + " decided_at) select ? || lpad(g::text, 7, '0'), (select max(version) from"
                    + " eligibility_rule_set), 'ELIGIBLE', 1, ?, 'RSA', 'Attestation CAF',"
                    + " current_date, 'bench', now() from generate_series(1, ?) g")) {
      beneficiaries.setString(1, prefix);
      beneficiaries.setInt(2, count);
      beneficiaries.executeUpdate();
      decisions.setString(1, prefix);
      decisions.setObject(2, LocalDate.now().plusYears(1));
      decisions.setInt(3, count);
      decisions.executeUpdate();
    }
    List<String> ids = new ArrayList<>();
    for (int g = 1; g <= count; g++) {
      ids.add(prefix + String.format("%07d", g));
    }
    return ids;
  }

  static List<String> vouchers(HttpClient http, String base, int count) throws Exception {
    String funder = basic("financeur", "demo");
    var programme =
        post(
            http,
            base + "/api/v1/voucher-programs",
            funder,
            "{\"name\":\"Banc d'essai\",\"kind\":\"CHEQUE_EQUIPEMENT\",\"faceValueCents\":5000,"
                + "\"validFrom\":\""
                + LocalDate.now().minusDays(1)
                + "\",\"validUntil\":\""
                + LocalDate.now().plusYears(1)
                + "\",\"toleranceDays\":0,\"nominative\":false,"
                + "\"postalCodePrefixes\":[\"80\"]}");
    expect(programme, 201);
    String issue = base + "/api/v1/voucher-programs/" + id(programme.body()) + "/vouchers";
    List<String> codes = new ArrayList<>();
    Pattern code = Pattern.compile("\"([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\"");
    while (codes.size() < count) {
      var issued =
          post(http, issue, funder, "{\"quantity\":" + Math.min(1000, count - codes.size()) + "}");
      expect(issued, 201);
      Matcher m = code.matcher(issued.body());
      while (m.find()) {
        codes.add(m.group(1));
      }
    }
    return codes;
  }

  private static List<Long> ids(Connection db, String sql) throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (var statement = db.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    return ids;
  }

  private static HttpResponse<String> post(HttpClient http, String url, String auth, String json)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", auth)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(HttpClient http, String url, String auth)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> answer, int status) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException(
          answer.request().uri() + " → " + answer.statusCode() + " " + answer.body());
    }
  }

  private static long id(String json) {
    Matcher m = ID.matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("No id in " + json);
    }
    return Long.parseLong(m.group(1));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0
        ? 0
        : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}
