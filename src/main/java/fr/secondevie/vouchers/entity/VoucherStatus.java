package fr.secondevie.vouchers.entity;

/**
 * The life of a voucher: ISSUED, then HELD by one open order, then REDEEMED when the sale is paid;
 * or CANCELLED by its funder while still ISSUED; or EXPIRED once past validity and tolerance.
 */
public enum VoucherStatus {
  ISSUED,
  HELD,
  REDEEMED,
  EXPIRED,
  CANCELLED
}
