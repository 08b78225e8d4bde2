package fr.secondevie.platform.control;

/**
 * A kind of batch whose lease {@link BatchTakeoverJob} may take over: its leases are named {@link
 * #leasePrefix()} followed by the batch's id, and {@link #resume(long)} goes on with the batch from
 * what its steps recorded in the database. Implemented by the capabilities that run batches (tax
 * receipts, voucher issuance), so the platform knows none of them.
 */
public interface ResumableBatches {

  /** The start of the lease names of this kind of batch, such as {@code tax-receipt-batch-}. */
  String leasePrefix();

  /**
   * Goes on, in the background, with the batch whose lease this instance has just taken over; the
   * batch's steps renew the lease with {@code token}, and stop when it is lost.
   */
  void resume(long batchId, String token);
}
