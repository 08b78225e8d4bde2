package fr.secondevie.devices.control;

import fr.secondevie.devices.entity.Device;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The public catalogue: devices on sale (AVAILABLE), filtered, newest first, one page at a time,
 * from this instance's in-memory copy ({@link CatalogueIndex}); one device is read from the
 * database as a projection joined with its relay, no entity loaded.
 */
@ApplicationScoped
public class CatalogueQueries {

  static final String ITEM =
      "new fr.secondevie.devices.control.CatalogueItem(d.id, d.category, d.brand, d.model,"
          + " d.grade, d.batteryHealthPercent, d.specs.cpu, d.specs.ramGb, d.specs.storageGb,"
          + " d.specs.screenInches, d.specs.os, r.id, r.name, r.city, d.listPrice)";

  static final String SELECT = "select " + ITEM + " from Device d join d.relay r";

  @PersistenceContext EntityManager em;
  @Inject CatalogueIndex index;

  /** One page of the catalogue and how many devices match the filter. */
  public CataloguePage page(CatalogueFilter filter) {
    return index.page(filter);
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
}
