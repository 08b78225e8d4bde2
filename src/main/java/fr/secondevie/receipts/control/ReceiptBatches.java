package fr.secondevie.receipts.control;

import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.receipts.entity.ReceiptAudit;
import fr.secondevie.receipts.entity.ReceiptBatch;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The year's batch: every received donation waiting for its receipt is issued in the background,
 * one transaction per receipt (a failure stops nothing else and leaves no gap), with the progress
 * written to the database every few receipts.
 */
@ApplicationScoped
public class ReceiptBatches {

  private static final Logger LOG = Logger.getLogger(ReceiptBatches.class.getName());
  static final int PROGRESS_EVERY = 25;

  @PersistenceContext EntityManager em;
  @Inject TaxReceipts receipts;
  @Inject Progress progress;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  @Resource ManagedExecutorService executor;

  /** Starts a batch over the donations waiting now; answers at once with the batch. */
  public ReceiptBatch start() {
    List<Long> waiting = receipts.idsWaitingForReceipt();
    ReceiptBatch batch =
        progress.create(waiting.size(), caller.username(), caller.organisationId());
    if (!waiting.isEmpty()) {
      executor.submit(() -> run(batch.id(), batch.issuerId(), batch.createdBy(), waiting));
    }
    return batch;
  }

  public ReceiptBatch get(long id) {
    return Optional.ofNullable(em.find(ReceiptBatch.class, id))
        .orElseThrow(() -> BusinessException.notFound("Receipt batch"));
  }

  void run(long batchId, long issuerId, String username, List<Long> donationIds) {
    int done = 0;
    int failed = 0;
    int reported = 0;
    for (long donationId : donationIds) {
      try {
        receipts.issueAs(donationId, issuerId, username);
        done++;
      } catch (RuntimeException e) {
        failed++;
        LOG.log(
            Level.WARNING, "Receipt for donation " + donationId + " not issued: " + e.getMessage());
      }
      if (done + failed - reported >= PROGRESS_EVERY) {
        progress.advance(batchId, done, failed, false);
        reported = done + failed;
      }
    }
    progress.advance(batchId, done, failed, true);
  }

  /** Writes a batch's progress in short transactions of its own. */
  @ApplicationScoped
  public static class Progress {

    @PersistenceContext EntityManager em;
    @Inject AuditTrail audit;
    @Inject Clock clock;

    @Transactional
    public ReceiptBatch create(int total, String username, long issuerId) {
      ReceiptBatch batch = new ReceiptBatch(total, username, issuerId, LocalDateTime.now(clock));
      em.persist(batch);
      em.flush();
      audit.recordAs(
          username,
          issuerId,
          ReceiptAudit.TAX_RECEIPT_BATCH_STARTED,
          "ReceiptBatch",
          batch.id(),
          total + " donations");
      return batch;
    }

    @Transactional
    public void advance(long batchId, int done, int failed, boolean finished) {
      em.createQuery(
              "update ReceiptBatch b set b.done = :done, b.failed = :failed,"
                  + " b.status = :status, b.finishedAt = :finishedAt where b.id = :id")
          .setParameter("done", done)
          .setParameter("failed", failed)
          .setParameter("status", finished ? "FINISHED" : "RUNNING")
          .setParameter("finishedAt", finished ? LocalDateTime.now(clock) : null)
          .setParameter("id", batchId)
          .executeUpdate();
    }
  }
}
