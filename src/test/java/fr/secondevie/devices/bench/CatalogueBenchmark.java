package fr.secondevie.devices.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A small closed-loop load generator: {@code clients} threads each send one request after the other
 * for {@code seconds}, and the run reports throughput, median and p99 latency and errors. It
 * measures, one after the other against the same server: a trivial endpoint (one relay by id), the
 * catalogue API with random filters, and the public catalogue page as HTML.
 *
 * <pre>
 * java -cp target/test-classes fr.secondevie.devices.bench.CatalogueBenchmark \
 *   http://localhost:8081 16 20
 * </pre>
 */
public final class CatalogueBenchmark {

  private static final String[] CATEGORIES = {
    "", "LAPTOP", "DESKTOP", "TABLET", "SMARTPHONE", "SCREEN"
  };
  private static final String[] GRADES = {"", "A", "B", "C"};
  private static final String[] WORDS = {"", "", "", "dell", "samsung", "ipad", "thinkpad"};

  private CatalogueBenchmark() {}

  /** One measured run. */
  record Result(String name, long requests, long errors, double seconds, long[] nanos) {
    double throughput() {
      return requests / seconds;
    }

    double percentile(double p) {
      if (nanos.length == 0) {
        return 0;
      }
      return nanos[(int) Math.min(nanos.length - 1, Math.floor(p * nanos.length))] / 1e6;
    }

    @Override
    public String toString() {
      return String.format(
          "%-34s %9.0f req/s   median %6.2f ms   p99 %7.2f ms   (%d requests, %d errors)",
          name, throughput(), percentile(0.5), percentile(0.99), requests, errors);
    }
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8081";
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String relays = get(http, base + "/api/v1/relays");
    List<Long> relayIds = new ArrayList<>();
    for (String part : relays.split("\"id\":")) {
      String digits = part.replaceAll("^(\\d+).*", "$1");
      if (digits.matches("\\d+")) {
        relayIds.add(Long.parseLong(digits));
      }
    }
    long relay = relayIds.get(0);
    Supplier<String> trivial = () -> base + "/api/v1/relays/" + relay;
    Supplier<String> api = () -> base + "/api/v1/catalogue?" + filters(relayIds) + "&size=20";
    Supplier<String> landing = () -> base + "/catalogue/index.xhtml" + landing();
    Supplier<String> page = () -> base + "/catalogue/index.xhtml?" + filters(relayIds);
    Supplier<String> pageNoCacheSpread =
        () ->
            base
                + "/catalogue/index.xhtml?"
                + filters(relayIds)
                + "&x="
                + ThreadLocalRandom.current().nextInt(1_000_000);

    System.out.printf("%d clients, %d s per run, against %s%n", clients, seconds, base);
    run(http, "warm-up", api, clients, Math.max(5, seconds / 4));
    run(http, "warm-up", page, clients, Math.max(5, seconds / 4));
    Result t = run(http, "trivial: GET /api/v1/relays/{id}", trivial, clients, seconds);
    Result c = run(http, "catalogue API with filters", api, clients, seconds);
    Result l = run(http, "catalogue landing pages (HTML)", landing, clients, seconds);
    Result h = run(http, "catalogue, random filters (HTML)", page, clients, seconds);
    Result u = run(http, "catalogue, never cached (HTML)", pageNoCacheSpread, clients, seconds);
    System.out.println(t);
    System.out.println(c);
    System.out.println(l);
    System.out.println(h);
    System.out.println(u);
    System.out.printf(
        "catalogue API throughput = %.0f %% of the trivial endpoint's%n",
        100 * c.throughput() / t.throughput());
  }

  /** The pages most visitors open: the catalogue, one category or one grade, first page. */
  static String landing() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int pick = r.nextInt(9);
    if (pick == 0) {
      return "";
    }
    return pick <= 5 ? "?category=" + CATEGORIES[pick] : "?grade=" + GRADES[pick - 5];
  }

  /** Random filters as a visitor would combine them, over the first five pages. */
  static String filters(List<Long> relays) {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    StringBuilder q = new StringBuilder();
    q.append("category=").append(CATEGORIES[r.nextInt(CATEGORIES.length)]);
    q.append("&grade=").append(GRADES[r.nextInt(GRADES.length)]);
    if (r.nextInt(3) == 0) {
      q.append("&relay=").append(relays.get(r.nextInt(relays.size())));
    }
    q.append("&q=").append(WORDS[r.nextInt(WORDS.length)]);
    q.append("&page=").append(r.nextInt(5));
    return q.toString();
  }

  static Result run(HttpClient http, String name, Supplier<String> urls, int clients, int seconds)
      throws InterruptedException {
    AtomicBoolean running = new AtomicBoolean(true);
    List<long[]> samples = new ArrayList<>();
    long[] counts = new long[clients];
    long[] errors = new long[clients];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long[] mine = new long[2_000_000];
      samples.add(mine);
      int me = c;
      Thread thread =
          new Thread(
              () -> {
                while (running.get()) {
                  HttpRequest request = HttpRequest.newBuilder(URI.create(urls.get())).build();
                  long start = System.nanoTime();
                  try {
                    HttpResponse<byte[]> response =
                        http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                      errors[me]++;
                    }
                  } catch (Exception e) {
                    errors[me]++;
                  }
                  if (counts[me] < mine.length) {
                    mine[(int) counts[me]] = System.nanoTime() - start;
                  }
                  counts[me]++;
                }
              });
      thread.start();
      threads.add(thread);
    }
    long begin = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    running.set(false);
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - begin) / 1e9;
    long total = Arrays.stream(counts).sum();
    long[] all =
        java.util.stream.IntStream.range(0, clients)
            .mapToObj(
                i ->
                    Arrays.copyOf(samples.get(i), (int) Math.min(counts[i], samples.get(i).length)))
            .flatMapToLong(Arrays::stream)
            .sorted()
            .toArray();
    return new Result(name, total, Arrays.stream(errors).sum(), elapsed, all);
  }

  private static String get(HttpClient http, String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
