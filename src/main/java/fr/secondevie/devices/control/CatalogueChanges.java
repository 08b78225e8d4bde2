package fr.secondevie.devices.control;

import fr.secondevie.platform.control.AfterCommit;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Tells this instance's catalogue that a device was written: a JPA entity listener of {@code
 * Device} (wired in {@code META-INF/orm.xml}, so the entity names no control class) that notes when
 * the transaction that wrote it commits, so that the next catalogue page on this instance reads the
 * change ({@link CatalogueIndex}).
 *
 * <p>It holds that moment itself rather than calling a CDI bean: a bean first created inside a
 * listener callback (a start-up EJB writing the demo devices) is not given its resources by the
 * server.
 */
public class CatalogueChanges {

  private static final Object KEY = CatalogueChanges.class;
  private static volatile long lastCommit = System.nanoTime();
  private static volatile TransactionSynchronizationRegistry transactions;

  /** When (nano time) a transaction that wrote a device last committed on this instance. */
  static long lastCommit() {
    return lastCommit;
  }

  @PostPersist
  @PostUpdate
  @PostRemove
  void written(Object device) {
    TransactionSynchronizationRegistry registry = registry();
    if (registry.getTransactionKey() == null) {
      lastCommit = System.nanoTime();
    } else if (registry.getResource(KEY) == null) {
      registry.putResource(KEY, Boolean.TRUE);
      AfterCommit.run(registry, () -> lastCommit = System.nanoTime());
    }
  }

  private static TransactionSynchronizationRegistry registry() {
    TransactionSynchronizationRegistry registry = transactions;
    if (registry == null) {
      try {
        registry =
            (TransactionSynchronizationRegistry)
                new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
      } catch (NamingException e) {
        throw new IllegalStateException("No transaction synchronization registry", e);
      }
      transactions = registry;
    }
    return registry;
  }
}
