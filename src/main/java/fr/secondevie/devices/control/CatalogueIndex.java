package fr.secondevie.devices.control;

import fr.secondevie.devices.control.CatalogueSnapshot.Entry;
import fr.secondevie.devices.entity.DeviceStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

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
 *   <li>every {@value #RELOAD_EVERY_MILLIS} ms the whole catalogue is read again on a managed
 *       thread, for what the change stamps do not tell (a relay renamed); so it is at start-up.
 * </ul>
 *
 * A row is stamped when it is written, not when its transaction commits, so a look reads the rows
 * stamped after the previous look's database time less {@value #MARGIN_MILLIS} ms; every {@value
 * #WIDE_LOOK_EVERY_MILLIS} ms a look reaches {@value #WIDE_MARGIN_MILLIS} ms back from the previous
 * such look, for a transaction that waited longer between writing a device and committing (a
 * completion queued behind the relay's receipt counter); the full reading catches anything later.
 * Rows already held with the same version and stamp are not read again.
 */
@ApplicationScoped
public class CatalogueIndex {

  static final long LOOK_EVERY_MILLIS = 1_000;
  static final long MARGIN_MILLIS = 5_000;
  static final long WIDE_LOOK_EVERY_MILLIS = 30_000;
  static final long WIDE_MARGIN_MILLIS = 120_000;
  static final long RELOAD_EVERY_MILLIS = 600_000;
  private static final int IDS_PER_QUERY = 1_000;
  private static final Logger LOG = Logger.getLogger(CatalogueIndex.class.getName());

  private static final String ON_SALE =
      "select d.searchText, d.version, d.changedAt, "
          + CatalogueQueries.ITEM
          + ", r.territoryId from Device d join d.relay r where d.status = :status";

  private static final String NOW =
      "select cast(extract(epoch from current_timestamp) * 1000 as bigint)";

  @PersistenceContext EntityManager em;

  @Resource ManagedExecutorService background;

  private final ReentrantLock looking = new ReentrantLock();
  private final AtomicBoolean reloading = new AtomicBoolean();
  private volatile CatalogueSnapshot snapshot;

  /** Guarded by {@link #looking}: the database times to look from, and when (nano time). */
  private long since;

  private long wideSince;
  private long loadedAt;
  private long wideAt;

  /** One page of the devices on sale matching the filter, and how many match. */
  public CataloguePage page(CatalogueFilter filter) {
    return current().page(filter);
  }

  /** What the copy holds and how old it is, for {@code /metrics} and the readiness check. */
  public record CopyState(boolean loaded, int devices, long ageMillis) {}

  /** The copy as it stands, without bringing it up to date. */
  public CopyState copyState() {
    CatalogueSnapshot current = snapshot;
    if (current == null) {
      return new CopyState(false, 0, -1);
    }
    return new CopyState(
        true,
        current.size(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - current.lookedAt()));
  }

  /** Reads the catalogue in the background as the application starts: no visitor waits for it. */
  void readAtStartUp(@Observes @Initialized(ApplicationScoped.class) Object started) {
    reloadInBackground();
  }

  private CatalogueSnapshot current() {
    CatalogueSnapshot current = snapshot;
    if (current == null || current.lookedAt() - CatalogueChanges.lastCommit() < 0) {
      looking.lock();
      try {
        current = snapshot;
        if (current == null || current.lookedAt() - CatalogueChanges.lastCommit() < 0) {
          current = look(current == null);
        }
      } finally {
        looking.unlock();
      }
    } else if (System.nanoTime() - current.lookedAt()
            > TimeUnit.MILLISECONDS.toNanos(LOOK_EVERY_MILLIS)
        && looking.tryLock()) {
      try {
        if (System.nanoTime() - loadedAt > TimeUnit.MILLISECONDS.toNanos(RELOAD_EVERY_MILLIS)) {
          reloadInBackground();
        }
        current = look(false);
      } finally {
        looking.unlock();
      }
    }
    return current;
  }

  /** Reads the whole catalogue again on a managed thread; readers keep the copy they have. */
  private void reloadInBackground() {
    if (!reloading.compareAndSet(false, true)) {
      return;
    }
    try {
      background.execute(
          () -> {
            looking.lock();
            try {
              look(true);
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "The catalogue could not be read again", e);
            } finally {
              looking.unlock();
              reloading.set(false);
            }
          });
    } catch (RejectedExecutionException e) {
      reloading.set(false);
    }
  }

  /** Brings the copy up to date, reading it all or only what changed; {@link #looking} held. */
  private CatalogueSnapshot look(boolean all) {
    long at = System.nanoTime();
    long now = databaseNow();
    CatalogueSnapshot current = snapshot;
    if (all || current == null) {
      current = CatalogueSnapshot.of(read(em.createQuery(ON_SALE, Object[].class)), at);
      loadedAt = at;
      wideAt = at;
      wideSince = now - WIDE_MARGIN_MILLIS;
      int size = current.size();
      LOG.info(
          () ->
              "Catalogue read: "
                  + size
                  + " devices on sale in "
                  + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - at)
                  + " ms");
    } else {
      long from = since;
      if (at - wideAt > TimeUnit.MILLISECONDS.toNanos(WIDE_LOOK_EVERY_MILLIS)) {
        from = wideSince;
        wideAt = at;
        wideSince = now - WIDE_MARGIN_MILLIS;
      }
      Map<Long, Entry> changes = changes(current, from);
      current = changes.isEmpty() ? current.lookedAgainAt(at) : current.with(changes, at);
    }
    since = now - MARGIN_MILLIS;
    snapshot = current;
    return current;
  }

  /**
   * The devices whose rows changed after {@code since} and differ from the copy: each id maps to
   * the device as it is now on sale, or to null when it left the sale.
   */
  private Map<Long, Entry> changes(CatalogueSnapshot current, long since) {
    List<Object[]> rows =
        em.createQuery(
                "select d.id, d.status, d.version, d.changedAt from Device d"
                    + " where d.changedAt > :since",
                Object[].class)
            .setParameter("since", since)
            .getResultList();
    Map<Long, Entry> changes = new HashMap<>();
    List<Long> toRead = new ArrayList<>();
    for (Object[] row : rows) {
      Long id = (Long) row[0];
      Entry known = current.find(id);
      if (row[1] != DeviceStatus.AVAILABLE) {
        if (known != null) {
          changes.put(id, null);
        }
      } else if (known == null || !known.sameRow((Long) row[2], (Long) row[3])) {
        toRead.add(id);
        if (known != null) {
          changes.put(id, null); // unless it is still on sale when read below
        }
      }
    }
    for (int from = 0; from < toRead.size(); from += IDS_PER_QUERY) {
      List<Long> ids = toRead.subList(from, Math.min(toRead.size(), from + IDS_PER_QUERY));
      read(em.createQuery(ON_SALE + " and d.id in :ids", Object[].class).setParameter("ids", ids))
          .forEach(entry -> changes.put(entry.item().id(), entry));
    }
    return changes;
  }

  private static List<Entry> read(TypedQuery<Object[]> query) {
    Map<Object, Object> pool = new HashMap<>();
    return query.setParameter("status", DeviceStatus.AVAILABLE).getResultList().stream()
        .map(
            row ->
                entry(
                    (CatalogueItem) row[3],
                    (String) row[0],
                    (Long) row[1],
                    (Long) row[2],
                    (Long) row[4],
                    pool))
        .toList();
  }

  /**
   * A row read taken into the copy, its values shared with the other rows of the same reading
   * through {@code pool} ({@link CatalogueItem#shared}; the search text too, made of the brand, the
   * model and the processor).
   */
  static Entry entry(
      CatalogueItem item,
      String searchText,
      long version,
      long changedAt,
      long territoryId,
      Map<Object, Object> pool) {
    return new Entry(
        item.shared(pool), CatalogueItem.one(pool, searchText), version, changedAt, territoryId);
  }

  private long databaseNow() {
    return ((Number) em.createNativeQuery(NOW).getSingleResult()).longValue();
  }
}
