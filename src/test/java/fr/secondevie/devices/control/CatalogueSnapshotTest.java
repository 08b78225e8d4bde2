package fr.secondevie.devices.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.devices.control.CatalogueSnapshot.Entry;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class CatalogueSnapshotTest {

  private static Entry entry(
      long id, DeviceCategory category, Grade grade, long relay, String searchText) {
    CatalogueItem item =
        new CatalogueItem(
            id,
            category,
            "brand",
            "model",
            grade,
            Integer.valueOf(90),
            null,
            Integer.valueOf(8),
            Integer.valueOf(256),
            null,
            null,
            relay,
            "Relais " + relay,
            "Lyon",
            Money.ofCents(10_00));
    return new Entry(item, searchText, 1, 1);
  }

  private static List<Long> ids(CataloguePage page) {
    return page.items().stream().map(CatalogueItem::id).toList();
  }

  /**
   * Rows of one reading, each with its own copies as the database hands them, keep one copy of each
   * value between them; the device is the same.
   */
  @Test
  void rowsOfOneReadingShareTheirEqualValues() {
    Map<Object, Object> pool = new HashMap<>();
    List<Entry> read = new ArrayList<>();
    for (long id = 1; id <= 2; id++) {
      CatalogueItem row =
          new CatalogueItem(
              id,
              DeviceCategory.LAPTOP,
              new String("Dell"),
              new String("Latitude 5490"),
              Grade.B,
              Integer.valueOf(1_000),
              new String("Intel Core i5"),
              Integer.valueOf(8),
              Integer.valueOf(256_000),
              new java.math.BigDecimal("14.0"),
              new String("Ubuntu"),
              7,
              new String("Relais"),
              new String("Amiens"),
              Money.ofCents(9_900));
      read.add(CatalogueIndex.entry(row, new String("dell latitude 5490"), 1, id, 3, pool));
    }
    CatalogueItem first = read.get(0).item();
    CatalogueItem second = read.get(1).item();
    assertThat(second.brand()).isSameAs(first.brand()).isEqualTo("Dell");
    assertThat(second.model()).isSameAs(first.model());
    assertThat(second.cpu()).isSameAs(first.cpu());
    assertThat(second.os()).isSameAs(first.os());
    assertThat(second.relayName()).isSameAs(first.relayName());
    assertThat(second.relayCity()).isSameAs(first.relayCity());
    assertThat(second.listPrice()).isSameAs(first.listPrice()).isEqualTo(Money.ofCents(9_900));
    assertThat(second.screenInches()).isSameAs(first.screenInches());
    assertThat(second.storageGb()).isSameAs(first.storageGb()).isEqualTo(256_000);
    assertThat(second.batteryHealthPercent()).isSameAs(first.batteryHealthPercent());
    assertThat(read.get(1).searchText()).isSameAs(read.get(0).searchText());
    assertThat(second.id()).isEqualTo(2);
    assertThat(read.get(1).territoryId()).isEqualTo(3);
    assertThat(read.get(1).changedAt()).isEqualTo(2);
  }

  @Test
  void newestFirstWithEveryFilterAndItsTotal() {
    CatalogueSnapshot snapshot =
        CatalogueSnapshot.of(
            List.of(
                entry(1, DeviceCategory.LAPTOP, Grade.A, 10, "dell latitude 5490 intel i5"),
                entry(5, DeviceCategory.LAPTOP, Grade.B, 11, "lenovo thinkpad t480"),
                entry(3, DeviceCategory.SMARTPHONE, Grade.B, 10, "samsung galaxy a52"),
                entry(4, DeviceCategory.LAPTOP, Grade.B, 10, "dell latitude 7400"),
                entry(2, DeviceCategory.TABLET, Grade.C, 11, null)),
            0);

    CataloguePage all = snapshot.page(new CatalogueFilter(null, null, null, null, 0, 20));
    assertThat(ids(all)).containsExactly(5L, 4L, 3L, 2L, 1L);
    assertThat(all.total()).isEqualTo(5);

    CataloguePage laptopsB =
        snapshot.page(new CatalogueFilter(DeviceCategory.LAPTOP, Grade.B, null, null, 0, 20));
    assertThat(ids(laptopsB)).containsExactly(5L, 4L);

    CataloguePage dellAtRelay10 =
        snapshot.page(new CatalogueFilter(null, null, 10L, "DELL  Latitude", 0, 20));
    assertThat(ids(dellAtRelay10)).containsExactly(4L, 1L);
    assertThat(dellAtRelay10.total()).isEqualTo(2);

    assertThat(snapshot.page(new CatalogueFilter(null, null, 99L, null, 0, 20)).total()).isZero();
    assertThat(
            snapshot
                .page(new CatalogueFilter(DeviceCategory.SCREEN, null, null, null, 0, 20))
                .total())
        .isZero();
    // A device without search text matches no word; "%" and "_" are plain characters.
    assertThat(ids(snapshot.page(new CatalogueFilter(null, null, 11L, "t", 0, 20))))
        .containsExactly(5L);
    assertThat(snapshot.page(new CatalogueFilter(null, null, null, "dell%", 0, 20)).total())
        .isZero();
  }

  @Test
  void pagesCutTheSameOrderAndCountAll() {
    List<Entry> entries = new ArrayList<>();
    for (long id = 1; id <= 45; id++) {
      entries.add(entry(id, DeviceCategory.LAPTOP, Grade.A, 1, "x"));
    }
    CatalogueSnapshot snapshot = CatalogueSnapshot.of(entries, 0);
    CataloguePage second = snapshot.page(new CatalogueFilter(null, null, null, null, 1, 20));
    assertThat(ids(second)).hasSize(20).first().isEqualTo(25L);
    assertThat(second.total()).isEqualTo(45);
    CataloguePage last = snapshot.page(new CatalogueFilter(null, null, null, null, 2, 20));
    assertThat(ids(last)).containsExactly(5L, 4L, 3L, 2L, 1L);
    CataloguePage beyond = snapshot.page(new CatalogueFilter(null, null, null, null, 9, 20));
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.total()).isEqualTo(45);
  }

  /**
   * The snapshot answers as a plain filter over all devices would, for random filters. 20,000
   * devices make lists long enough for a word's list to be walked instead (and one or two words).
   */
  @Test
  void agreesWithAPlainFilterOnRandomData() {
    Random random = new Random(42);
    DeviceCategory[] categories = DeviceCategory.values();
    Grade[] grades = Grade.values();
    String[] words = {"dell", "hp", "lenovo", "samsung", "apple", "i5", "i7", "pro"};
    List<Entry> entries = new ArrayList<>();
    for (long id = 1; id <= 20_000; id++) {
      String text = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
      entries.add(
          entry(
              id,
              categories[random.nextInt(categories.length)],
              grades[random.nextInt(grades.length)],
              1 + random.nextInt(5),
              text));
    }
    CatalogueSnapshot snapshot = CatalogueSnapshot.of(entries, 0);
    for (int i = 0; i < 500; i++) {
      DeviceCategory category =
          random.nextBoolean() ? categories[random.nextInt(categories.length)] : null;
      Grade grade = random.nextBoolean() ? grades[random.nextInt(grades.length)] : null;
      Long relay = random.nextBoolean() ? (long) (1 + random.nextInt(6)) : null;
      String text =
          switch (random.nextInt(4)) {
            case 0, 1 -> null;
            case 2 -> words[random.nextInt(words.length)];
            default ->
                words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
          };
      CatalogueFilter filter =
          new CatalogueFilter(category, grade, relay, text, random.nextInt(5), 10);
      Predicate<Entry> matches =
          e ->
              (category == null || e.item().category() == category)
                  && (grade == null || e.item().grade() == grade)
                  && (relay == null || e.item().relayId() == relay)
                  && (text == null
                      || Arrays.stream(text.split(" ")).allMatch(e.searchText()::contains));
      List<Long> expected =
          entries.stream()
              .filter(matches)
              .map(e -> e.item().id())
              .sorted((a, b) -> Long.compare(b, a))
              .toList();
      CataloguePage page = snapshot.page(filter);
      assertThat(page.total()).isEqualTo(expected.size());
      int from = Math.min(expected.size(), filter.page() * 10);
      assertThat(ids(page)).isEqualTo(expected.subList(from, Math.min(expected.size(), from + 10)));
    }
  }

  /** Past the bound on words' lists, the lists are dropped and searches still answer right. */
  @Test
  void aCrowdOfOddWordsDropsTheListsButNotTheAnswers() {
    List<Entry> entries = new ArrayList<>();
    for (long id = 1; id <= 3_000; id++) {
      entries.add(entry(id, DeviceCategory.LAPTOP, Grade.A, 1, id % 3 == 0 ? "dell" : "hp"));
    }
    CatalogueSnapshot snapshot = CatalogueSnapshot.of(entries, 0);
    CatalogueFilter dell = new CatalogueFilter(null, null, null, "dell", 0, 10);
    assertThat(snapshot.page(dell).total()).isEqualTo(1_000);
    for (int i = 0; i < CatalogueSnapshot.MAX_WORD_LISTS + 10; i++) {
      assertThat(snapshot.page(new CatalogueFilter(null, null, null, "odd" + i, 0, 10)).total())
          .isZero();
    }
    assertThat(snapshot.page(dell).total()).isEqualTo(1_000);
    assertThat(ids(snapshot.page(dell))).startsWith(3_000L, 2_997L);
    CatalogueSnapshot changed =
        snapshot.with(Map.of(3_000L, entry(3_000, DeviceCategory.LAPTOP, Grade.A, 1, "hp")), 1);
    assertThat(changed.page(dell).total()).isEqualTo(999);
  }

  /** Changes applied to a snapshot give what a snapshot built afresh from the result gives. */
  @Test
  void changesMergedIntoASnapshotAgreeWithASnapshotBuiltAfresh() {
    Random random = new Random(11);
    DeviceCategory[] categories = DeviceCategory.values();
    Map<Long, Entry> onSale = new HashMap<>();
    for (long id = 1; id <= 6_000; id++) {
      if (random.nextInt(3) > 0) {
        onSale.put(id, randomEntry(random, id));
      }
    }
    CatalogueSnapshot snapshot = CatalogueSnapshot.of(onSale.values(), 0);
    for (int round = 0; round < 200; round++) {
      Map<Long, Entry> changes = new HashMap<>();
      for (int k = random.nextInt(30); k >= 0; k--) {
        long id = 1 + random.nextInt(6_600); // also new ids beyond the first 6,000
        Entry now = random.nextBoolean() ? randomEntry(random, id) : null;
        changes.put(id, now);
        if (now == null) {
          onSale.remove(id);
        } else {
          onSale.put(id, now);
        }
      }
      snapshot = snapshot.with(changes, round);
      CatalogueSnapshot afresh = CatalogueSnapshot.of(onSale.values(), round);
      assertThat(snapshot.size()).isEqualTo(onSale.size());
      for (int i = 0; i < 10; i++) {
        CatalogueFilter filter =
            new CatalogueFilter(
                random.nextBoolean() ? categories[random.nextInt(categories.length)] : null,
                null,
                random.nextBoolean() ? (long) (1 + random.nextInt(5)) : null,
                random.nextBoolean() ? "word" + random.nextInt(10) : null,
                random.nextInt(3),
                50);
        CataloguePage merged = snapshot.page(filter);
        CataloguePage built = afresh.page(filter);
        assertThat(merged.total()).isEqualTo(built.total());
        assertThat(merged.items()).isEqualTo(built.items());
      }
      long probe = 1 + random.nextInt(6_600);
      assertThat(snapshot.find(probe)).isEqualTo(onSale.get(probe));
    }
  }

  private static Entry randomEntry(Random random, long id) {
    DeviceCategory[] categories = DeviceCategory.values();
    return entry(
        id,
        categories[random.nextInt(categories.length)],
        Grade.values()[random.nextInt(3)],
        1 + random.nextInt(5),
        "word" + random.nextInt(10));
  }
}
