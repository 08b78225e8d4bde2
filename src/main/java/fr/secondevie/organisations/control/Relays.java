package fr.secondevie.organisations.control;

import fr.secondevie.organisations.entity.MediationService;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationAudit;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.KeptCopy;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The relays as the public sees them, and their digital-mediation services: anyone reads them; a
 * counter agent adds services to its own relay only, the admin to those of its territory.
 */
@ApplicationScoped
@Transactional
public class Relays {

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  public List<Organisation> all() {
    return directory.organisationsOfKind(OrganisationKind.RELAY);
  }

  /** How long the public catalogue's copy of the relays is kept: they rarely change. */
  static final long KEPT_MILLIS = 10_000;

  private final KeptCopy<List<Organisation>> kept =
      new KeptCopy<>(KEPT_MILLIS, () -> List.copyOf(all()));

  /**
   * The relays of one territory, or of all, as the public catalogue's selector lists them: read
   * again at most every {@value #KEPT_MILLIS} ms, so that a catalogue page costs no query (a relay
   * that joins shows at once here, on another instance within that time).
   */
  public List<Organisation> forPages(Optional<Territory> territory) {
    List<Organisation> all = kept.get();
    return territory
        .map(t -> all.stream().filter(r -> t.id().equals(r.territoryId())).toList())
        .orElse(all);
  }

  /** The relays of one territory, or of all when none is given. */
  public List<Organisation> of(Optional<Territory> territory) {
    return territory
        .map(t -> directory.organisationsOfKindInTerritory(OrganisationKind.RELAY, t.id()))
        .orElseGet(this::all);
  }

  /**
   * The relays of a postal code's department, whatever their territory (a visitor near a border
   * finds the relays of its own department).
   */
  public List<Organisation> ofDepartment(String postalCode) {
    String department = Territory.departmentOf(postalCode);
    return all().stream()
        .filter(
            r ->
                r.postalCode() != null && Territory.departmentOf(r.postalCode()).equals(department))
        .toList();
  }

  public Organisation get(long relayId) {
    return directory
        .findOrganisation(relayId)
        .filter(o -> o.kind() == OrganisationKind.RELAY)
        .orElseThrow(() -> BusinessException.notFound("Relay"));
  }

  public List<MediationService> services(long relayId) {
    get(relayId);
    return em.createNamedQuery("MediationService.findOfRelay", MediationService.class)
        .setParameter("relay", relayId)
        .getResultList();
  }

  /** Every relay's services in one query, by relay id. */
  public Map<Long, List<MediationService>> servicesByRelay() {
    return em.createQuery(
            "select s from MediationService s join fetch s.relay order by s.name, s.id",
            MediationService.class)
        .getResultStream()
        .collect(Collectors.groupingBy(s -> s.relay().id()));
  }

  public MediationService addService(long relayId, String name, int durationMinutes, Money price) {
    return addService(relayId, name, durationMinutes, price, false);
  }

  /** A service of the relay, marked or not as its getting-started workshop. */
  public MediationService addService(
      long relayId, String name, int durationMinutes, Money price, boolean gettingStarted) {
    Organisation relay = get(relayId);
    boolean ownRelay = caller.hasRole(Roles.COUNTER) && caller.organisationId() == relayId;
    if (caller.hasRole(Roles.ADMIN) && !ownRelay && relay.territoryId() != caller.territoryId()) {
      throw BusinessException.notFound("Relay");
    }
    if (!ownRelay && !caller.hasRole(Roles.ADMIN)) {
      throw new BusinessException(
          403, "FORBIDDEN", "A counter agent adds services to its own relay only");
    }
    MediationService service =
        new MediationService(relay, name, durationMinutes, price, LocalDateTime.now(clock))
            .gettingStarted(gettingStarted);
    em.persist(service);
    em.flush();
    audit.record(
        OrganisationAudit.MEDIATION_SERVICE_ADDED,
        "MediationService",
        service.id(),
        name + " at relay " + relayId + ", " + price);
    return service;
  }
}
