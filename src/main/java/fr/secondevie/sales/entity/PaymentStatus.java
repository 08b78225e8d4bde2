package fr.secondevie.sales.entity;

/**
 * A payment's state. Cash is SUCCEEDED at once; a card payment is PENDING until the provider's
 * webhook settles it. CANCELLED and REFUNDED are what a cancelled or expired order leaves.
 */
public enum PaymentStatus {
  PENDING,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  REFUNDED
}
