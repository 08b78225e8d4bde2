package fr.secondevie.donations.entity;

import fr.secondevie.platform.entity.AuditAction;

/** What the audit trail records of a donation. */
public enum DonationAudit implements AuditAction {
  DONATION_PLEDGED,
  DONATION_RECEIVED,
  DONATION_ASSIGNED
}
