package fr.secondevie.organisations.entity;

import fr.secondevie.platform.security.Roles;
import java.util.Set;

/** What an organisation does in the chain, and so the roles its people may hold. */
public enum OrganisationKind {
  /** Runs the chain and receives the gifts: it issues the tax receipts. */
  COORDINATION,
  /** A solidarity refurbisher (insertion workshop): erases, tests, grades. */
  REFURBISHER,
  /** A relay counter where beneficiaries buy devices and mediation services. */
  RELAY,
  /** A social structure (CCAS, association...) whose social workers decide eligibility. */
  SOCIAL_STRUCTURE,
  /** A donor company (or public body). */
  COMPANY,
  /** A local authority funding vouchers (or donating as a public body). */
  AUTHORITY;

  /** The roles that fit the organisation's work: a workshop's people refurbish, and so on. */
  public Set<String> allowedRoles() {
    return switch (this) {
      case COORDINATION -> Set.of(Roles.ADMIN);
      case REFURBISHER -> Set.of(Roles.REFURBISHER);
      case RELAY -> Set.of(Roles.COUNTER);
      case SOCIAL_STRUCTURE -> Set.of(Roles.SOCIAL_WORKER);
      case COMPANY -> Set.of(Roles.DONOR);
      case AUTHORITY -> Set.of(Roles.FUNDER, Roles.DONOR);
    };
  }

  /** The role of the first account of an organisation that joins. */
  public String firstRole() {
    return switch (this) {
      case COORDINATION -> Roles.ADMIN;
      case REFURBISHER -> Roles.REFURBISHER;
      case RELAY -> Roles.COUNTER;
      case SOCIAL_STRUCTURE -> Roles.SOCIAL_WORKER;
      case COMPANY -> Roles.DONOR;
      case AUTHORITY -> Roles.FUNDER;
    };
  }
}
