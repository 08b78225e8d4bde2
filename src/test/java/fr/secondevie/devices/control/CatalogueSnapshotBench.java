package fr.secondevie.devices.control;

import fr.secondevie.devices.control.CatalogueSnapshot.Entry;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * What the in-memory catalogue costs one instance, without server or database: building a snapshot
 * of 60,000 devices on sale (at start-up and every full reading), merging the changes a look found
 * into it, and answering filters from it. A rerunnable measure, not a test:
 *
 * <pre>
 *   mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *       fr.secondevie.devices.control.CatalogueSnapshotBench
 * </pre>
 */
public final class CatalogueSnapshotBench {

  private CatalogueSnapshotBench() {}

  public static void main(String[] args) {
    int devices = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
    Random random = new Random(7);
    String[] brands = {"dell latitude", "hp elitebook", "lenovo thinkpad", "apple ipad", "samsung"};
    Map<Long, Entry> onSale = new TreeMap<>(Comparator.reverseOrder());
    for (long id = 1; id <= devices; id++) {
      CatalogueItem item =
          new CatalogueItem(
              id,
              DeviceCategory.values()[random.nextInt(DeviceCategory.values().length)],
              "Brand",
              "Model " + id,
              Grade.values()[random.nextInt(3)],
              Integer.valueOf(80 + random.nextInt(20)),
              "Intel Core i5",
              Integer.valueOf(8),
              Integer.valueOf(256),
              null,
              "Ubuntu",
              1 + random.nextInt(20),
              "Relais",
              "Amiens",
              Money.ofCents(9_900));
      onSale.put(id, new Entry(item, brands[random.nextInt(brands.length)] + " " + id, 1, 1));
    }
    System.out.printf(
        "build a snapshot of %,d devices: median %.2f ms%n",
        devices, median(50, () -> CatalogueSnapshot.of(onSale.values(), 0)));
    CatalogueSnapshot snapshot = CatalogueSnapshot.of(onSale.values(), 0);
    for (int changed : new int[] {1, 100, 1_000}) {
      Map<Long, Entry> changes = new HashMap<>();
      for (int i = 0; i < changed; i++) {
        long id = 1 + random.nextInt(devices);
        changes.put(id, i % 2 == 0 ? null : onSale.get(id));
      }
      System.out.printf(
          "merge %,d changes into it: median %.3f ms%n",
          changed, median(200, () -> snapshot.with(changes, 0)));
    }
    Object[][] filters = {
      {"no filter, page 0", new CatalogueFilter(null, null, null, null, 0, 20)},
      {
        "category and grade", new CatalogueFilter(DeviceCategory.LAPTOP, Grade.B, null, null, 0, 20)
      },
      {"relay and page 5", new CatalogueFilter(null, null, 7L, null, 5, 20)},
      {"one word", new CatalogueFilter(null, null, null, "thinkpad", 0, 20)},
      {"category and word", new CatalogueFilter(DeviceCategory.SCREEN, null, null, "dell", 0, 20)},
      {"a word found nowhere", new CatalogueFilter(null, null, null, "zenbook", 0, 20)},
      {
        "category, word, relay", new CatalogueFilter(DeviceCategory.TABLET, null, 3L, "ipad", 2, 20)
      },
    };
    for (Object[] filter : filters) {
      CatalogueFilter f = (CatalogueFilter) filter[1];
      System.out.printf(
          "page, %-22s median %.3f ms%n", filter[0], median(2_000, () -> snapshot.page(f)));
    }
    // Changes merged into the lists of 100 words searched before (each of 600 to 60,000 devices).
    for (int i = 0; i < 100; i++) {
      snapshot.page(new CatalogueFilter(null, null, null, String.valueOf(i), 0, 20));
    }
    Map<Long, Entry> hundred = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      long id = 1 + random.nextInt(devices);
      hundred.put(id, i % 2 == 0 ? null : onSale.get(id));
    }
    System.out.printf(
        "merge 100 changes, 100 words' lists: median %.3f ms%n",
        median(200, () -> snapshot.with(hundred, 0)));
    // The first search of a word on a snapshot looks for it in every device and keeps the list:
    // each run asks a word never asked before.
    int[] asked = {0};
    System.out.printf(
        "page, %-22s median %.3f ms%n",
        "one word, first asked",
        median(
            200,
            () ->
                snapshot.page(
                    new CatalogueFilter(null, null, null, "unasked" + asked[0]++, 0, 20))));
  }

  private static double median(int runs, Runnable work) {
    for (int i = 0; i < runs; i++) {
      work.run();
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.run();
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[runs / 2];
  }
}
