package fr.secondevie.payments.entity;

import fr.secondevie.platform.entity.AuditAction;

/** What the audit trail records of card payments settled by Stripe's events, and of readers. */
public enum PaymentAudit implements AuditAction {
  CARD_PAYMENT_SUCCEEDED,
  CARD_PAYMENT_FAILED,
  CARD_READER_REGISTERED
}
