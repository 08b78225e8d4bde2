package fr.secondevie.vouchers.entity;

import fr.secondevie.platform.entity.AuditAction;

/**
 * What the audit trail records of programmes, vouchers and statements (a statement's change is
 * recorded as VOUCHER_STATEMENT_ and its new status).
 */
public enum VoucherAudit implements AuditAction {
  VOUCHER_PROGRAMME_CREATED,
  VOUCHERS_ISSUED,
  VOUCHER_HELD,
  VOUCHER_RELEASED,
  VOUCHER_REDEEMED,
  VOUCHER_REDEMPTION_REVERSED,
  VOUCHER_REINSTATED,
  VOUCHER_CANCELLED,
  VOUCHER_BATCH_CANCELLED,
  VOUCHERS_EXPIRED,
  VOUCHER_STATEMENTS_DRAWN_UP,
  BOOKLETS_ALLOCATED,
  BOOKLET_HANDED_OVER,
  VOUCHER_PROGRAMME_INVOICING_SET,
  STATEMENT_INVOICED
}
