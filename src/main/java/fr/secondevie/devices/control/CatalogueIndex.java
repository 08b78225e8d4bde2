package fr.secondevie.devices.control;

import fr.secondevie.devices.control.CatalogueSnapshot.Entry;
import fr.secondevie.devices.entity.DeviceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The devices on sale, held in memory by each instance and filtered there: a catalogue page costs
 * no query, whatever the filter. The database stays the truth and this is a copy of it, brought up
 * to date by reading the device rows changed since the last look (the database stamps {@code
 * changed_at} on every write, V53):
 *
 * <ul>
 *   <li>after a device changed in a transaction committed on this instance ({@link
 *       CatalogueChanges}), the next page waits for a fresh look, so whoever just refurbished or
 *       sold a device sees it at once;
 *   <li>otherwise a page older than {@value #LOOK_EVERY_MILLIS} ms takes a look, and only one
 *       request at a time does (the others read the copy they have): a change made on another
 *       instance shows within about a second;
 *   <li>every {@value #RELOAD_EVERY_MILLIS} ms the whole catalogue is read again, for what the
 *       change stamps do not tell (a relay renamed, a row written outside the application).
 * </ul>
 *
 * A look reads the rows stamped after the previous look's database time less {@value
 * #MARGIN_MILLIS} ms, so that a transaction still committing when it was stamped is not missed.
 */
@ApplicationScoped
public class CatalogueIndex {

  static final long LOOK_EVERY_MILLIS = 1_000;
  static final long MARGIN_MILLIS = 5_000;
  static final long RELOAD_EVERY_MILLIS = 600_000;
  private static final int IDS_PER_QUERY = 1_000;

  private static final String ON_SALE =
      "select d.searchText, d.version, d.changedAt, "
          + CatalogueQueries.ITEM
          + " from Device d join d.relay r where d.status = :status";

  private static final String NOW =
      "select cast(extract(epoch from current_timestamp) * 1000 as bigint)";

  @PersistenceContext EntityManager em;

  private final ReentrantLock looking = new ReentrantLock();
  private volatile CatalogueSnapshot snapshot;

  /** Guarded by {@link #looking}: the devices on sale by id, and the database time to look from. */
  private final Map<Long, Entry> onSale = new HashMap<>();

  private long since;
  private long loadedAt;

  /** One page of the devices on sale matching the filter, and how many match. */
  public CataloguePage page(CatalogueFilter filter) {
    return current().page(filter);
  }

  private CatalogueSnapshot current() {
    CatalogueSnapshot current = snapshot;
    if (current == null || current.lookedAt() - CatalogueChanges.lastCommit() < 0) {
      looking.lock();
      try {
        current = snapshot;
        if (current == null || current.lookedAt() - CatalogueChanges.lastCommit() < 0) {
          current = look();
        }
      } finally {
        looking.unlock();
      }
    } else if (System.nanoTime() - current.lookedAt()
            > TimeUnit.MILLISECONDS.toNanos(LOOK_EVERY_MILLIS)
        && looking.tryLock()) {
      try {
        current = look();
      } finally {
        looking.unlock();
      }
    }
    return current;
  }

  /** Brings the copy up to date; called with {@link #looking} held. */
  private CatalogueSnapshot look() {
    long at = System.nanoTime();
    long now = databaseNow();
    CatalogueSnapshot current = snapshot;
    boolean changed;
    if (current == null || at - loadedAt > TimeUnit.MILLISECONDS.toNanos(RELOAD_EVERY_MILLIS)) {
      onSale.clear();
      read(em.createQuery(ON_SALE, Object[].class)).forEach(e -> onSale.put(e.item().id(), e));
      loadedAt = at;
      changed = true;
    } else {
      changed = readChanges();
    }
    since = now - MARGIN_MILLIS;
    current = changed ? CatalogueSnapshot.of(onSale.values(), at) : current.lookedAgainAt(at);
    snapshot = current;
    return current;
  }

  /** Applies the rows changed since the last look; returns whether the devices on sale changed. */
  private boolean readChanges() {
    List<Object[]> rows =
        em.createQuery(
                "select d.id, d.status, d.version, d.changedAt from Device d"
                    + " where d.changedAt > :since",
                Object[].class)
            .setParameter("since", since)
            .getResultList();
    boolean changed = false;
    List<Long> toRead = new ArrayList<>();
    for (Object[] row : rows) {
      Long id = (Long) row[0];
      Entry known = onSale.get(id);
      if (row[1] != DeviceStatus.AVAILABLE) {
        changed |= onSale.remove(id) != null;
      } else if (known == null || !known.sameRow((Long) row[2], (Long) row[3])) {
        toRead.add(id);
      }
    }
    for (int from = 0; from < toRead.size(); from += IDS_PER_QUERY) {
      List<Long> ids = toRead.subList(from, Math.min(toRead.size(), from + IDS_PER_QUERY));
      List<Long> gone = new ArrayList<>(ids);
      for (Entry entry :
          read(
              em.createQuery(ON_SALE + " and d.id in :ids", Object[].class)
                  .setParameter("ids", ids))) {
        onSale.put(entry.item().id(), entry);
        gone.remove(Long.valueOf(entry.item().id()));
        changed = true;
      }
      // Taken off sale between the two queries.
      for (Long id : gone) {
        changed |= onSale.remove(id) != null;
      }
    }
    return changed;
  }

  private static List<Entry> read(TypedQuery<Object[]> query) {
    return query.setParameter("status", DeviceStatus.AVAILABLE).getResultList().stream()
        .map(
            row -> new Entry((CatalogueItem) row[3], (String) row[0], (Long) row[1], (Long) row[2]))
        .toList();
  }

  private long databaseNow() {
    return ((Number) em.createNativeQuery(NOW).getSingleResult()).longValue();
  }
}
