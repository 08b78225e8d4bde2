package fr.secondevie.organisations.control;

import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationAudit;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * The coordination brings new members into the chain: organisations (their accounts: {@link
 * Accounts}).
 */
@ApplicationScoped
public class Onboarding {

  /** What the coordination knows of a new organisation. */
  public record NewOrganisation(
      String name,
      OrganisationKind kind,
      boolean publicBody,
      String siren,
      String rna,
      String legalForm,
      String object,
      String address,
      String postalCode,
      String city,
      String openingHours) {}

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** A new organisation of the territory (the admin's own). */
  @Transactional
  public Organisation register(NewOrganisation n, Territory territory) {
    Organisation organisation;
    try {
      organisation =
          new Organisation(n.name(), n.kind(), LocalDateTime.now(clock))
              .in(territory)
              .identifiedBy(n.siren(), n.rna(), n.legalForm(), n.object())
              .locatedAt(n.address(), n.postalCode(), n.city())
              .openAt(n.openingHours());
      if (n.publicBody()) {
        organisation.asPublicBody();
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw BusinessException.unprocessable("INVALID_ORGANISATION", e.getMessage());
    }
    em.persist(organisation);
    em.flush();
    audit.record(
        OrganisationAudit.ORGANISATION_REGISTERED,
        "Organisation",
        organisation.id(),
        n.kind().name());
    return organisation;
  }
}
