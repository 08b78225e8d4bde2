package fr.secondevie;

import fr.secondevie.platform.control.JobLeases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.LocalDateTime;

/**
 * Leases of the in-container tests only (never in the shipped WAR): a scheduled job and batches
 * under names no job or batch kind uses, so the real jobs and the takeover leave them alone.
 */
@ApplicationScoped
public class LeaseProbe {

  @PersistenceContext EntityManager em;
  @Inject JobLeases leases;

  @Transactional
  public String scheduledJob() {
    String name = "test-job-" + System.nanoTime();
    em.createNativeQuery("insert into job_lease (name, kind) values (?, 'SCHEDULED')")
        .setParameter(1, name)
        .executeUpdate();
    return name;
  }

  /** A batch's lease held by another instance until {@code until}. */
  @Transactional
  public String batchHeldBy(String holder, LocalDateTime until) {
    String name = "test-batch-" + System.nanoTime();
    em.createNativeQuery(
            "insert into job_lease (name, kind, holder, lease_until, last_instance,"
                + " last_outcome, last_run_at) values (?, 'BATCH', ?, ?, ?, 'RUNNING', ?)")
        .setParameter(1, name)
        .setParameter(2, holder)
        .setParameter(3, Timestamp.valueOf(until))
        .setParameter(4, holder)
        .setParameter(5, Timestamp.valueOf(until.minusMinutes(1)))
        .executeUpdate();
    return name;
  }

  @Transactional
  public void renew(String name, String token) {
    leases.renew(name, token, null);
  }

  @Transactional
  public void forget(String name) {
    em.createNativeQuery("delete from job_lease where name = ?")
        .setParameter(1, name)
        .executeUpdate();
  }
}
