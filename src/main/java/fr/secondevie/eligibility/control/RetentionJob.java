package fr.secondevie.eligibility.control;

import fr.secondevie.platform.control.ScheduledJobs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Every night, anonymises the people whose last contact is older than the retention period (CNIL
 * délibération 2023-095: two years). It runs once a night across all instances ({@link
 * ScheduledJobs}), and is idempotent besides.
 */
@Singleton
public class RetentionJob {

  @Inject Beneficiaries beneficiaries;
  @Inject ScheduledJobs jobs;

  @Schedule(hour = "3", minute = "17", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void nightly() {
    jobs.runOnce(
        "retention",
        Duration.ofDays(1),
        () -> beneficiaries.anonymiseInactive() + " beneficiaries anonymised");
  }
}
