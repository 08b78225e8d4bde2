package fr.secondevie.organisations.control;

import fr.secondevie.organisations.control.Onboarding.NewOrganisation;
import fr.secondevie.organisations.entity.AppUser;
import fr.secondevie.organisations.entity.MembershipRequest;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationAudit;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.SqlStates;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.AuthenticatedCaller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Organisations asking to join a territory's chain, and its coordination's decisions. A request
 * goes to the territory of its postal code's department (none: 422 NO_TERRITORY); an organisation
 * of that territory with the same SIREN, or a request of it still pending, is 409
 * DUPLICATE_ORGANISATION. Approving creates the organisation in the territory and its first
 * account, a manager, with an activation link; refusing keeps the reason. A request is decided once
 * (a conditional update), also when two coordinators decide at once.
 */
@ApplicationScoped
public class Joining {

  /** What the public page asks. */
  public record Application(
      OrganisationKind kind,
      String name,
      String siren,
      String address,
      String postalCode,
      String city,
      String contactName,
      String contactEmail,
      boolean publicBody) {}

  /** An approval: the organisation created and its first account's activation. */
  public record Approval(
      MembershipRequest request, Organisation organisation, String username, String link) {}

  @PersistenceContext EntityManager em;
  @Inject Territories territories;
  @Inject Onboarding onboarding;
  @Inject Accounts accounts;
  @Inject Directory directory;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  @Transactional
  public MembershipRequest apply(Application a) {
    Territory territory =
        territories
            .ofPostalCode(a.postalCode())
            .orElseThrow(
                () ->
                    BusinessException.unprocessable(
                        "NO_TERRITORY",
                        "No local chain covers the department of postal code " + a.postalCode()));
    if (a.siren() != null
        && (known(territory.id(), a.siren()) || pending(territory.id(), a.siren()))) {
      throw duplicate();
    }
    MembershipRequest request;
    try {
      request =
          new MembershipRequest(
              a.kind(),
              a.name(),
              a.siren(),
              a.address(),
              a.postalCode(),
              a.city(),
              a.contactName(),
              a.contactEmail(),
              a.publicBody(),
              territory,
              LocalDateTime.now(clock));
    } catch (IllegalArgumentException e) {
      throw BusinessException.unprocessable("INVALID_REQUEST", e.getMessage());
    }
    try {
      em.persist(request);
      em.flush();
    } catch (PersistenceException e) {
      if (SqlStates.isUniqueViolation(e)) {
        throw duplicate();
      }
      throw e;
    }
    audit.recordInTerritory(
        territory.id(),
        OrganisationAudit.MEMBERSHIP_REQUESTED,
        "MembershipRequest",
        request.id(),
        a.kind() + " " + a.name());
    return request;
  }

  /** The requests addressed to the coordination's territory, latest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<MembershipRequest> ofTerritory(long territoryId) {
    return em.createNamedQuery("MembershipRequest.findOfTerritory", MembershipRequest.class)
        .setParameter("territory", territoryId)
        .getResultList();
  }

  @Transactional
  public Approval approve(long requestId, AuthenticatedCaller by, String linkBase) {
    MembershipRequest request = decide(requestId, by, "APPROVED", null);
    if (request.siren() != null && known(request.territoryId(), request.siren())) {
      throw duplicate();
    }
    Territory territory = territories.find(request.territoryId()).orElseThrow();
    Organisation organisation =
        onboarding.register(
            new NewOrganisation(
                request.name(),
                request.kind(),
                request.publicBody(),
                request.siren(),
                null,
                null,
                null,
                request.address(),
                request.postalCode(),
                request.city(),
                null),
            territory);
    em.createQuery("update MembershipRequest r set r.organisationId = :o where r.id = :id")
        .setParameter("o", organisation.id())
        .setParameter("id", requestId)
        .executeUpdate();
    String username = freeUsername(request.contactEmail());
    AppUser user;
    try {
      user =
          AppUser.invited(
              username,
              request.contactEmail(),
              true,
              organisation,
              Set.of(request.kind().firstRole()),
              LocalDateTime.now(clock));
    } catch (IllegalArgumentException e) {
      throw BusinessException.unprocessable("INVALID_USER", e.getMessage());
    }
    em.persist(user);
    em.flush();
    String link = accounts.linkFor(user, organisation.name(), linkBase);
    audit.record(
        OrganisationAudit.MEMBERSHIP_APPROVED,
        "MembershipRequest",
        requestId,
        "organisation " + organisation.id() + ", account " + username);
    em.refresh(request);
    return new Approval(request, organisation, username, link);
  }

  @Transactional
  public MembershipRequest refuse(long requestId, String reason, AuthenticatedCaller by) {
    if (reason == null || reason.isBlank()) {
      throw BusinessException.invalid("reason", "must not be blank");
    }
    MembershipRequest request = decide(requestId, by, "REFUSED", reason.strip());
    audit.record(OrganisationAudit.MEMBERSHIP_REFUSED, "MembershipRequest", requestId, reason);
    return request;
  }

  /**
   * Takes the decision on a pending request of the caller's territory by one conditional update:
   * another territory's request is not found, one already decided is 409 REQUEST_ALREADY_DECIDED.
   */
  private MembershipRequest decide(
      long requestId, AuthenticatedCaller by, String status, String reason) {
    MembershipRequest request =
        em.createNamedQuery("MembershipRequest.findInTerritory", MembershipRequest.class)
            .setParameter("id", requestId)
            .setParameter("territory", by.territoryId())
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> BusinessException.notFound("Membership request"));
    int decided =
        em.createNativeQuery(
                "update membership_request set status = ?, pending_siren = null, decided_at = ?,"
                    + " decided_by = ?, refusal_reason = ? where id = ? and status = 'PENDING'")
            .setParameter(1, status)
            .setParameter(2, java.sql.Timestamp.valueOf(LocalDateTime.now(clock)))
            .setParameter(3, by.username())
            .setParameter(4, reason)
            .setParameter(5, requestId)
            .executeUpdate();
    if (decided != 1) {
      throw BusinessException.conflict(
          "REQUEST_ALREADY_DECIDED", "This request was already " + request.status());
    }
    em.refresh(request);
    return request;
  }

  /** A user name from the contact's e-mail (its part before @), made free with a number. */
  private String freeUsername(String email) {
    String local = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT);
    String base = local.replaceAll("[^a-z0-9._-]", ".").replaceAll("\\.{2,}", ".");
    base = base.replaceAll("^[.]+|[.]+$", "");
    if (base.length() < 2) {
      base = "membre";
    }
    base = base.substring(0, Math.min(base.length(), 90));
    String candidate = base;
    for (int n = 2; directory.findUser(candidate).isPresent(); n++) {
      candidate = base + n;
    }
    return candidate;
  }

  private boolean known(long territoryId, String siren) {
    return em.createNamedQuery("Organisation.countSirenInTerritory", Long.class)
            .setParameter("territory", territoryId)
            .setParameter("siren", siren)
            .getSingleResult()
        > 0;
  }

  private boolean pending(long territoryId, String siren) {
    return em.createNamedQuery("MembershipRequest.countPendingSiren", Long.class)
            .setParameter("territory", territoryId)
            .setParameter("siren", siren)
            .getSingleResult()
        > 0;
  }

  private static BusinessException duplicate() {
    return BusinessException.conflict(
        "DUPLICATE_ORGANISATION",
        "An organisation with this SIREN is already known in the territory");
  }
}
