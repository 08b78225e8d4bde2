package fr.secondevie.eligibility.entity;

import fr.secondevie.platform.entity.AuditAction;

/**
 * What the audit trail records of people and rules (decisions are recorded as ELIGIBILITY_ and the
 * decision's name).
 */
public enum EligibilityAudit implements AuditAction {
  BENEFICIARY_REGISTERED,
  BENEFICIARY_ANONYMISED,
  BENEFICIARY_NEEDS_DIAGNOSED,
  ELIGIBILITY_RULES_PUBLISHED
}
