package fr.secondevie.receipts.entity;

import fr.secondevie.platform.entity.AuditAction;

/** What the audit trail records of tax receipts. */
public enum ReceiptAudit implements AuditAction {
  TAX_RECEIPT_ISSUED,
  TAX_RECEIPT_CANCELLED,
  TAX_RECEIPT_BATCH_STARTED
}
