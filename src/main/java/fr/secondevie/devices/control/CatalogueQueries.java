package fr.secondevie.devices.control;

import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.DeviceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public catalogue: devices on sale (AVAILABLE), filtered, newest first, one page at a time.
 * Two queries per page (count and page), each one projection joined with the relay, on the indexes
 * of {@code device (status, ...)}; no entity is loaded. The number of matching devices is kept for
 * {@value #COUNT_TTL_MILLIS} ms per filter: counting a free-text search scans the devices on sale,
 * and a total a few seconds old is good enough for paging a public catalogue.
 */
@ApplicationScoped
public class CatalogueQueries {

  static final String SELECT =
      "select new fr.secondevie.devices.control.CatalogueItem(d.id, d.category, d.brand, d.model,"
          + " d.grade, d.batteryHealthPercent, d.specs.cpu, d.specs.ramGb, d.specs.storageGb,"
          + " d.specs.screenInches, d.specs.os, r.id, r.name, r.city, d.listPrice)"
          + " from Device d join d.relay r";

  static final long COUNT_TTL_MILLIS = 10_000;
  static final int MAX_COUNTS = 5_000;

  private record Count(long value, long expires) {}

  private final Map<String, Count> counts = new ConcurrentHashMap<>();

  @PersistenceContext EntityManager em;

  /**
   * One page of the catalogue. A page is kept {@value #PAGE_TTL_MILLIS} ms per filter and page on
   * this instance, like the count: the public catalogue is read far more than it changes, the same
   * few filters (a category, a relay) come back all day, and a device reserved a few seconds ago
   * that still shows is refused by its detail, its price and the counter, which read it afresh.
   */
  public CataloguePage page(CatalogueFilter filter) {
    Map<String, Object> parameters = new HashMap<>();
    String where = where(filter, parameters);
    String key = where + new TreeMap<>(parameters) + "#" + filter.page() + "/" + filter.size();
    long now = System.currentTimeMillis();
    Cached cached = pages.get(key);
    if (cached != null && cached.expires() > now) {
      return cached.page();
    }
    CataloguePage page = read(filter, where, parameters);
    if (pages.size() >= MAX_PAGES) {
      pages.clear();
    }
    pages.put(key, new Cached(page, now + PAGE_TTL_MILLIS));
    return page;
  }

  static final long PAGE_TTL_MILLIS = 5_000;
  static final int MAX_PAGES = 2_000;

  private record Cached(CataloguePage page, long expires) {}

  private final Map<String, Cached> pages = new ConcurrentHashMap<>();

  private CataloguePage read(CatalogueFilter filter, String where, Map<String, Object> parameters) {
    TypedQuery<CatalogueItem> query =
        em.createQuery(SELECT + where + " order by d.id desc", CatalogueItem.class)
            .setFirstResult(filter.page() * filter.size())
            .setMaxResults(filter.size());
    parameters.forEach(query::setParameter);
    List<CatalogueItem> items = query.getResultList();
    long offset = (long) filter.page() * filter.size();
    long total;
    if (items.isEmpty()) {
      total = offset == 0 ? 0 : count(where, parameters);
    } else if (items.size() < filter.size()) {
      total = offset + items.size();
    } else {
      total = Math.max(count(where, parameters), offset + items.size());
    }
    return new CataloguePage(items, total, filter.page(), filter.size());
  }

  private long count(String where, Map<String, Object> parameters) {
    String key = where + new TreeMap<>(parameters);
    long now = System.currentTimeMillis();
    Count cached = counts.get(key);
    if (cached != null && cached.expires() > now) {
      return cached.value();
    }
    TypedQuery<Long> count = em.createQuery("select count(d) from Device d" + where, Long.class);
    parameters.forEach(count::setParameter);
    long value = count.getSingleResult();
    if (counts.size() >= MAX_COUNTS) {
      counts.clear();
    }
    counts.put(key, new Count(value, now + COUNT_TTL_MILLIS));
    return value;
  }

  /** A device on sale, as the catalogue shows it. */
  public Optional<CatalogueItem> item(long id) {
    return em.createQuery(SELECT + " where d.id = :id", CatalogueItem.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  /** The device with its relay and refurbisher, for its detail page (any status). */
  public Optional<Device> detail(long id) {
    return em.createQuery(
            "select d from Device d left join fetch d.relay left join fetch d.refurbisher"
                + " where d.id = :id",
            Device.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  static String where(CatalogueFilter filter, Map<String, Object> parameters) {
    StringBuilder where = new StringBuilder(" where d.status = :status");
    parameters.put("status", DeviceStatus.AVAILABLE);
    if (filter.category() != null) {
      where.append(" and d.category = :category");
      parameters.put("category", filter.category());
    }
    if (filter.grade() != null) {
      where.append(" and d.grade = :grade");
      parameters.put("grade", filter.grade());
    }
    if (filter.relayId() != null) {
      where.append(" and d.relay.id = :relay");
      parameters.put("relay", filter.relayId());
    }
    if (filter.text() != null) {
      String[] words = filter.text().toLowerCase(Locale.ROOT).split("\\s+");
      for (int i = 0; i < words.length && i < 5; i++) {
        where.append(" and d.searchText like :word").append(i).append(" escape '\\'");
        parameters.put("word" + i, "%" + escapeLike(words[i]) + "%");
      }
    }
    return where.toString();
  }

  static String escapeLike(String word) {
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
