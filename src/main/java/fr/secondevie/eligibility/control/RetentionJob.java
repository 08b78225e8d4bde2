package fr.secondevie.eligibility.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every night, anonymises the people whose last contact is older than the retention period (CNIL
 * délibération 2023-095: two years). Idempotent, so every instance may run it.
 */
@Singleton
public class RetentionJob {

  private static final Logger LOG = Logger.getLogger(RetentionJob.class.getName());

  @Inject Beneficiaries beneficiaries;

  @Schedule(hour = "3", minute = "17", persistent = false)
  void nightly() {
    int anonymised = beneficiaries.anonymiseInactive();
    if (anonymised > 0) {
      LOG.info(() -> anonymised + " beneficiaries anonymised after the retention period");
    }
  }
}
