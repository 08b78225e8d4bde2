package fr.secondevie.sales.entity;

/** What an order line sells: a device (paid by chèque-équipement) or a mediation service. */
public enum LineKind {
  DEVICE,
  SERVICE
}
