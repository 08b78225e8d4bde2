package fr.secondevie.devices.control;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The devices on sale as one instance holds them in memory, newest first, with the same devices
 * listed again per category and per relay so that a filter walks the shortest list. Immutable: a
 * change builds a new snapshot (sharing the lists it does not touch) and readers keep the one they
 * took.
 */
final class CatalogueSnapshot {

  /** At most this many words of a free-text search are looked for. */
  static final int MAX_WORDS = 5;

  /**
   * At most this many devices are held in the lists of words searched (about 4 bytes each); past
   * it, the lists are dropped and built again as visitors ask.
   */
  static final int MAX_WORD_ENTRIES = 2_000_000;

  /** At most this many words' lists are kept, found or not: a crowd of odd words stays bounded. */
  static final int MAX_WORD_LISTS = 4_096;

  /** A list this short is walked as it is, without looking for a word's list. */
  private static final int SHORT_LIST = 2_048;

  /**
   * A device on sale, with what the filters and the next look at the database need: its lower-case
   * search text, its version and when its row last changed.
   */
  record Entry(
      CatalogueItem item,
      String searchText,
      long version,
      long changedAt,
      DeviceCategory category,
      Grade grade,
      long relayId,
      long territoryId) {

    /**
     * The device with what the filters compare copied beside it, so that walking a list reads the
     * entries only, not the items they point to; its relay's territory among them.
     */
    Entry(CatalogueItem item, String searchText, long version, long changedAt, long territoryId) {
      this(
          item,
          searchText,
          version,
          changedAt,
          item.category(),
          item.grade(),
          item.relayId(),
          territoryId);
    }

    /** A device at a relay of no territory in particular (tests and benchmarks). */
    Entry(CatalogueItem item, String searchText, long version, long changedAt) {
      this(item, searchText, version, changedAt, 0);
    }

    boolean sameRow(long otherVersion, long otherChangedAt) {
      return version == otherVersion && changedAt == otherChangedAt;
    }
  }

  private static final Entry[] NONE = new Entry[0];
  private static final Comparator<Entry> NEWEST_FIRST =
      Comparator.comparingLong((Entry e) -> e.item().id()).reversed();

  private final Entry[] all;
  private final Map<DeviceCategory, Entry[]> byCategory;
  private final Map<Long, Entry[]> byRelay;
  private final WordLists byWord;
  private final long lookedAt;

  private CatalogueSnapshot(
      Entry[] all,
      Map<DeviceCategory, Entry[]> byCategory,
      Map<Long, Entry[]> byRelay,
      WordLists byWord,
      long lookedAt) {
    this.all = all;
    this.byCategory = byCategory;
    this.byRelay = byRelay;
    this.byWord = byWord;
    this.lookedAt = lookedAt;
  }

  /**
   * The devices whose search text holds a word, newest first, for the words visitors searched since
   * the snapshot was made: a word is looked for in every device once (a few milliseconds over
   * 60,000), then each search with it walks its list only. A snapshot confirmed unchanged keeps
   * them; changes are merged into them as into the other lists.
   */
  private static final class WordLists {
    private final ConcurrentHashMap<String, Entry[]> lists = new ConcurrentHashMap<>();
    private final AtomicLong held = new AtomicLong();

    private boolean full() {
      return held.get() > MAX_WORD_ENTRIES || lists.size() >= MAX_WORD_LISTS;
    }

    /** The same words' lists after these changes (see {@link CatalogueSnapshot#with}). */
    WordLists with(long[] dropped, Entry[] added) {
      WordLists next = new WordLists();
      if (full()) {
        return next;
      }
      lists.forEach(
          (word, list) -> {
            Entry[] merged = merge(list, dropped, added, e -> holds(e, word));
            next.lists.put(word, merged);
            next.held.addAndGet(merged.length);
          });
      return next;
    }

    Entry[] of(String word, Entry[] all) {
      Entry[] list = lists.get(word);
      if (list != null) {
        return list;
      }
      if (full()) {
        lists.clear();
        held.set(0);
      }
      return lists.computeIfAbsent(
          word,
          w -> {
            List<Entry> with = new ArrayList<>();
            for (Entry entry : all) {
              if (holds(entry, w)) {
                with.add(entry);
              }
            }
            held.addAndGet(with.size());
            return with.toArray(NONE);
          });
    }
  }

  /** A snapshot of these devices, as the database showed them at {@code lookedAt} (nano time). */
  static CatalogueSnapshot of(Collection<Entry> onSale, long lookedAt) {
    Entry[] all = onSale.toArray(NONE);
    Arrays.sort(all, NEWEST_FIRST);
    Map<DeviceCategory, List<Entry>> categories = new EnumMap<>(DeviceCategory.class);
    Map<Long, List<Entry>> relays = new HashMap<>();
    for (Entry entry : all) {
      categories.computeIfAbsent(entry.category(), c -> new ArrayList<>()).add(entry);
      relays.computeIfAbsent(entry.relayId(), r -> new ArrayList<>()).add(entry);
    }
    Map<DeviceCategory, Entry[]> byCategory = new EnumMap<>(DeviceCategory.class);
    categories.forEach((category, entries) -> byCategory.put(category, entries.toArray(NONE)));
    Map<Long, Entry[]> byRelay = new HashMap<>();
    relays.forEach((relay, entries) -> byRelay.put(relay, entries.toArray(NONE)));
    return new CatalogueSnapshot(all, byCategory, byRelay, new WordLists(), lookedAt);
  }

  /** The same devices, confirmed unchanged at a later look. */
  CatalogueSnapshot lookedAgainAt(long at) {
    return new CatalogueSnapshot(all, byCategory, byRelay, byWord, at);
  }

  /**
   * The devices after these changes, found at a later look: each id maps to the device as it is now
   * on sale, or to null when it left the sale. Only the lists a change touches are rebuilt, each by
   * one merge of sorted arrays (no sort of the whole catalogue).
   */
  CatalogueSnapshot with(Map<Long, Entry> changes, long at) {
    long[] dropped =
        changes.keySet().stream()
            .mapToLong(Long::longValue)
            .map(id -> -id)
            .sorted()
            .map(id -> -id)
            .toArray();
    Entry[] added =
        changes.values().stream()
            .filter(Objects::nonNull)
            .sorted(NEWEST_FIRST)
            .toArray(Entry[]::new);
    Set<DeviceCategory> categories = EnumSet.noneOf(DeviceCategory.class);
    Set<Long> relays = new HashSet<>();
    for (long id : dropped) {
      Entry before = find(id);
      if (before != null) {
        categories.add(before.category());
        relays.add(before.relayId());
      }
    }
    for (Entry entry : added) {
      categories.add(entry.category());
      relays.add(entry.relayId());
    }
    Map<DeviceCategory, Entry[]> newByCategory = new EnumMap<>(DeviceCategory.class);
    newByCategory.putAll(byCategory);
    for (DeviceCategory category : categories) {
      newByCategory.put(
          category,
          merge(
              byCategory.getOrDefault(category, NONE),
              dropped,
              added,
              e -> e.category() == category));
    }
    Map<Long, Entry[]> newByRelay = new HashMap<>(byRelay);
    for (long relay : relays) {
      newByRelay.put(
          relay,
          merge(byRelay.getOrDefault(relay, NONE), dropped, added, e -> e.relayId() == relay));
    }
    return new CatalogueSnapshot(
        merge(all, dropped, added), newByCategory, newByRelay, byWord.with(dropped, added), at);
  }

  /** The list after the changes, with those of the added entries that belong to it. */
  private static Entry[] merge(
      Entry[] list, long[] dropped, Entry[] added, Predicate<Entry> belongs) {
    return merge(list, dropped, Arrays.stream(added).filter(belongs).toArray(Entry[]::new));
  }

  /** Whether the device's search text holds the word. */
  private static boolean holds(Entry entry, String word) {
    return entry.searchText() != null && entry.searchText().contains(word);
  }

  /**
   * The list without the dropped ids and with the added entries, newest first. The list, the
   * dropped ids and the added entries are each sorted newest first, and every added id is among the
   * dropped ones. The untouched runs between two changes are copied whole.
   */
  private static Entry[] merge(Entry[] list, long[] dropped, Entry[] added) {
    Entry[] merged = new Entry[list.length + added.length];
    int n = 0;
    int from = 0;
    int a = 0;
    for (long id : dropped) {
      int at = firstAtOrBelow(list, id, from);
      System.arraycopy(list, from, merged, n, at - from);
      n += at - from;
      from = at < list.length && list[at].item().id() == id ? at + 1 : at;
      if (a < added.length && added[a].item().id() == id) {
        merged[n++] = added[a++];
      }
    }
    System.arraycopy(list, from, merged, n, list.length - from);
    n += list.length - from;
    return n == merged.length ? merged : Arrays.copyOf(merged, n);
  }

  /** The first position at or after {@code from} whose id is at most {@code id}. */
  private static int firstAtOrBelow(Entry[] list, long id, int from) {
    int low = from;
    int high = list.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (list[middle].item().id() > id) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** The device on sale with this id, or null. */
  Entry find(long id) {
    int at = firstAtOrBelow(all, id, 0);
    return at < all.length && all[at].item().id() == id ? all[at] : null;
  }

  /** When (nano time) the database was last read for this snapshot. */
  long lookedAt() {
    return lookedAt;
  }

  int size() {
    return all.length;
  }

  /**
   * One page of the devices matching the filter, newest first, and how many match. Every word of
   * the free text must appear in the device's search text, as a plain substring.
   */
  CataloguePage page(CatalogueFilter filter) {
    String[] words = words(filter.text());
    long from = (long) filter.page() * filter.size();
    long to = from + filter.size();
    List<CatalogueItem> items = new ArrayList<>(filter.size());
    long total = 0;
    Walk walk = shortestWalk(filter, words);
    for (Entry entry : walk.list()) {
      if (matches(entry, filter, walk.words())) {
        if (total >= from && total < to) {
          items.add(entry.item());
        }
        total++;
      }
    }
    return new CataloguePage(List.copyOf(items), total, filter.page(), filter.size());
  }

  /** A list to walk, and the words its entries must still be checked for. */
  private record Walk(Entry[] list, String[] words) {}

  /**
   * What looking for a word in an entry's text costs against comparing a field: a walk is chosen by
   * the entries it reads times the words it must still look for in each (measured: a category list
   * of 10,000 walked for a word cost more than the word's list of 15,000 checked for the category).
   */
  private static final int WORD_COST = 10;

  private Walk shortestWalk(CatalogueFilter filter, String[] words) {
    Entry[] list = all;
    if (filter.category() != null) {
      list = byCategory.getOrDefault(filter.category(), NONE);
    }
    if (filter.relayId() != null) {
      Entry[] ofRelay = byRelay.getOrDefault(filter.relayId(), NONE);
      if (ofRelay.length < list.length) {
        list = ofRelay;
      }
    }
    long cost = (long) list.length * (1 + WORD_COST * words.length);
    int byOneWord = -1;
    for (int i = 0; i < words.length && list.length > SHORT_LIST; i++) {
      Entry[] withWord = byWord.of(words[i], all);
      long costWith = (long) withWord.length * (1 + WORD_COST * (words.length - 1));
      if (costWith < cost) {
        list = withWord;
        cost = costWith;
        byOneWord = i;
      }
    }
    if (byOneWord < 0) {
      return new Walk(list, words);
    }
    String[] others = new String[words.length - 1];
    System.arraycopy(words, 0, others, 0, byOneWord);
    System.arraycopy(words, byOneWord + 1, others, byOneWord, others.length - byOneWord);
    return new Walk(list, others);
  }

  private static boolean matches(Entry entry, CatalogueFilter filter, String[] words) {
    if (filter.category() != null && entry.category() != filter.category()) {
      return false;
    }
    if (filter.grade() != null && entry.grade() != filter.grade()) {
      return false;
    }
    if (filter.relayId() != null && entry.relayId() != filter.relayId()) {
      return false;
    }
    if (filter.territoryId() != null && entry.territoryId() != filter.territoryId()) {
      return false;
    }
    for (String word : words) {
      if (!holds(entry, word)) {
        return false;
      }
    }
    return true;
  }

  static String[] words(String text) {
    if (text == null) {
      return new String[0];
    }
    String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
    return Arrays.copyOf(words, Math.min(words.length, MAX_WORDS));
  }
}
