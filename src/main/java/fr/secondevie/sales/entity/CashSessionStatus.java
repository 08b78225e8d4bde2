package fr.secondevie.sales.entity;

/** A relay's cash session: open from its float to its closing. */
public enum CashSessionStatus {
  OPEN,
  CLOSED
}
