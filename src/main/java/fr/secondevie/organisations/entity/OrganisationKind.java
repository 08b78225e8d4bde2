package fr.secondevie.organisations.entity;

/** What an organisation does in the chain. */
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
  AUTHORITY
}
