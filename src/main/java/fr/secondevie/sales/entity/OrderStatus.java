package fr.secondevie.sales.entity;

/** Where an order stands. Only an OPEN order changes; the three others are final. */
public enum OrderStatus {
  OPEN,
  PAID,
  CANCELLED,
  /** Left open longer than the hold allows: released like a cancelled one. */
  EXPIRED
}
