package fr.secondevie.devices.control;

import fr.secondevie.devices.control.CatalogueSnapshot.Entry;
import fr.secondevie.devices.entity.Device;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the in-memory catalogue of one instance weighs for a national catalogue (issue 19): the heap
 * a {@link CatalogueSnapshot} of N devices on sale retains (1,000,000 by default), built from rows
 * shaped as the database hands them to {@link CatalogueIndex} (every text of every row its own
 * String, a Money and a BigDecimal per row), and taken in as the index takes them in ({@link
 * CatalogueIndex#entry}: the values of one reading shared). Measured as the heap in use after full
 * collections, before and after; then with a hundred words searched (their lists), and while a full
 * reading is under way (the old copy, the rows read and the new copy at once). A rerunnable
 * measure, not a test:
 *
 * <pre>
 *   mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Xmx3g -XX:+UseSerialGC -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *       fr.secondevie.devices.control.CatalogueMemoryBench 1000000
 * </pre>
 *
 * The catalogue's variety: 100 territories of 20 relays (2,000 relays, their names and towns), 400
 * models (brand, model, processor) over five categories, five systems.
 */
public final class CatalogueMemoryBench {

  private CatalogueMemoryBench() {}

  public static void main(String[] args) {
    int devices = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Random random = new Random(19);
    String[][] models = new String[400][];
    String[] brands = {"Dell", "HP", "Lenovo", "Apple", "Samsung", "Acer", "Asus", "Fujitsu"};
    String[] cpus = {"Intel Core i5-8350U", "Intel Core i7-8650U", "AMD Ryzen 5 3500U", null};
    for (int m = 0; m < models.length; m++) {
      String brand = brands[m % brands.length];
      models[m] =
          new String[] {brand, "Latitude " + (5000 + m * 7), cpus[random.nextInt(cpus.length)]};
    }
    String[] systems = {"Windows 11 Pro", "Ubuntu 24.04", "ChromeOS Flex", "Android 13", "iPadOS"};
    int relays = 2_000;
    String[] relayNames = new String[relays];
    String[] relayCities = new String[relays];
    for (int r = 0; r < relays; r++) {
      relayNames[r] = "Espace numérique solidaire n° " + r;
      relayCities[r] = "Commune " + (r * 37 % 1_500);
    }

    long before = usedAfterGc();
    List<Entry> rows = new ArrayList<>(devices);
    Map<Object, Object> pool = new HashMap<>();
    for (long id = 1; id <= devices; id++) {
      rows.add(row(id, random, models, systems, relayNames, relayCities, pool));
    }
    pool = null;
    CatalogueSnapshot snapshot = CatalogueSnapshot.of(rows, 0);
    long withRows = usedAfterGc();
    rows = null;
    long retained = usedAfterGc() - before;
    System.out.printf(
        "catalogue copy of %,d devices on sale: %,.1f MB retained (%.0f bytes a device)%n",
        snapshot.size(), retained / 1e6, retained / (double) devices);

    for (int i = 0; i < 100; i++) {
      String[] model = models[i * 4];
      String word = (i % 2 == 0 ? model[0] : model[1].substring(9)).toLowerCase();
      snapshot.page(new CatalogueFilter(null, null, null, word, 0, 20));
    }
    long withWords = usedAfterGc() - before;
    System.out.printf("  with the lists of 100 words searched: %,.1f MB%n", withWords / 1e6);

    // a full reading (every ten minutes): the rows read and the new copy beside the old one
    List<Entry> again = new ArrayList<>(devices);
    Map<Object, Object> secondPool = new HashMap<>();
    for (long id = 1; id <= devices; id++) {
      again.add(row(id, random, models, systems, relayNames, relayCities, secondPool));
    }
    CatalogueSnapshot next = CatalogueSnapshot.of(again, 0);
    long peak = usedAfterGc() - before;
    System.out.printf(
        "  during a full reading (old copy, rows read, new copy): %,.1f MB (rows and copy alone"
            + " at the first reading: %,.1f MB)%n",
        peak / 1e6, (withRows - before) / 1e6);
    if (next.size() != snapshot.size()) {
      throw new IllegalStateException("the two readings differ");
    }
  }

  /** One row as the database hands it: its own strings, Money and BigDecimal; taken in shared. */
  private static Entry row(
      long id,
      Random random,
      String[][] models,
      String[] systems,
      String[] relayNames,
      String[] relayCities,
      Map<Object, Object> pool) {
    String[] model = models[random.nextInt(models.length)];
    DeviceCategory category = DeviceCategory.values()[random.nextInt(5)];
    int relay = random.nextInt(relayNames.length);
    CatalogueItem item =
        new CatalogueItem(
            id,
            category,
            copy(model[0]),
            copy(model[1]),
            Grade.values()[random.nextInt(3)],
            Integer.valueOf(70 + random.nextInt(30)),
            copy(model[2]),
            Integer.valueOf(4 << random.nextInt(3)),
            Integer.valueOf(128 << random.nextInt(3)),
            category == DeviceCategory.SMARTPHONE ? null : new BigDecimal("14.0"),
            copy(systems[random.nextInt(systems.length)]),
            relay,
            copy(relayNames[relay]),
            copy(relayCities[relay]),
            Money.ofCents(5_000 + 100L * random.nextInt(200)));
    return CatalogueIndex.entry(
        item,
        copy(Device.searchTextOf(model[0], model[1], model[2])),
        random.nextInt(5),
        1_700_000_000_000L + id,
        1 + relay / 20,
        pool);
  }

  /** A string of its own, as each row read from JDBC carries. */
  private static String copy(String text) {
    return text == null ? null : new String(text.toCharArray());
  }

  private static long usedAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
