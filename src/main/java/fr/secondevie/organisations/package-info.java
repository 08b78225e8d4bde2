/**
 * Organisations: the directory of who acts for whom (companies, public bodies, workshops, relays,
 * social structures, authorities), their users and roles, each relay's address, hours and mediation
 * services, the demo data, and {@code /me}. Every capability may ask it who the caller is; it
 * publishes the {@code organisation_name} read model.
 */
package fr.secondevie.organisations;
