package fr.secondevie.sales.entity;

/** How the rest of an order is paid once the vouchers are applied. */
public enum PaymentMethod {
  CASH,
  CARD
}
