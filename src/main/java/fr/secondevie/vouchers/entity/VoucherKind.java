package fr.secondevie.vouchers.entity;

/** What a programme's vouchers pay for: equipment or digital mediation services, never both. */
public enum VoucherKind {
  /** Pays equipment: refurbished devices. */
  CHEQUE_EQUIPEMENT,
  /** Pays digital mediation services only (workshops, support), never equipment. */
  PASS_NUMERIQUE;

  /** Whether a voucher of this kind pays mediation services (a pass numérique). */
  public boolean paysServices() {
    return this == PASS_NUMERIQUE;
  }

  /** Whether a voucher of this kind pays devices (a chèque-équipement). */
  public boolean paysDevices() {
    return this == CHEQUE_EQUIPEMENT;
  }
}
