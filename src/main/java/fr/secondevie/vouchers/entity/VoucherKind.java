package fr.secondevie.vouchers.entity;

/** What a programme's vouchers pay for. */
public enum VoucherKind {
  /** Pays equipment: refurbished devices. */
  CHEQUE_EQUIPEMENT,
  /** Pays digital mediation services only (workshops, support), never equipment. */
  PASS_NUMERIQUE
}
