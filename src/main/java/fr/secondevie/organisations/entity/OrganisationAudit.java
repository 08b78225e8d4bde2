package fr.secondevie.organisations.entity;

import fr.secondevie.platform.entity.AuditAction;

/** What the audit trail records of organisations, their users and relays' services. */
public enum OrganisationAudit implements AuditAction {
  ORGANISATION_REGISTERED,
  USER_CREATED,
  MEDIATION_SERVICE_ADDED,
  TERRITORY_CREATED,
  WORKSHOP_PROFILE_SET,
  MEMBERSHIP_REQUESTED,
  MEMBERSHIP_APPROVED,
  MEMBERSHIP_REFUSED,
  USER_INVITED,
  ACCOUNT_ACTIVATED,
  PASSWORD_CHANGED,
  USER_DEACTIVATED,
  SIRET_REGISTERED
}
