package fr.secondevie.organisations.control;

import fr.secondevie.organisations.entity.OrganisationAudit;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.KeptCopy;
import fr.secondevie.platform.control.SqlStates;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The territories of the platform: anyone reads them; the national coordination creates them. A
 * code or a department already taken is 409 (the unique keys decide, also under concurrent calls).
 */
@ApplicationScoped
@Transactional
public class Territories {

  @PersistenceContext EntityManager em;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /** How long the public pages' copy of the territories is kept: they rarely change. */
  static final long KEPT_MILLIS = 10_000;

  private final KeptCopy<List<Territory>> kept =
      new KeptCopy<>(KEPT_MILLIS, () -> List.copyOf(all()));

  public List<Territory> all() {
    return em.createNamedQuery("Territory.findAll", Territory.class).getResultList();
  }

  /**
   * The territories as the public pages list them (the catalogue's and the relays' selectors), read
   * again at most every {@value #KEPT_MILLIS} ms, so that a catalogue page costs no query more than
   * before territories; one created here shows at once, on another instance within that time.
   */
  public List<Territory> forPages() {
    return kept.get();
  }

  public Optional<Territory> find(long id) {
    return Optional.ofNullable(em.find(Territory.class, id));
  }

  public Optional<Territory> findByCode(String code) {
    return em.createNamedQuery("Territory.findByCode", Territory.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  /**
   * The territory a visitor or a client names: by its code ({@code HDF}) or its id; blank is none
   * (every territory), an unknown one is 404.
   */
  public Optional<Territory> named(String codeOrId) {
    if (codeOrId == null || codeOrId.isBlank()) {
      return Optional.empty();
    }
    String named = codeOrId.strip();
    Optional<Territory> found =
        named.matches("\\d{1,18}")
            ? find(Long.parseLong(named))
            : findByCode(named.toUpperCase(java.util.Locale.ROOT));
    return Optional.of(found.orElseThrow(() -> BusinessException.notFound("Territory")));
  }

  /** The territory whose departments hold the postal code's. */
  public Optional<Territory> ofPostalCode(String postalCode) {
    return em.createNamedQuery("Territory.findOfDepartment", Territory.class)
        .setParameter("department", Territory.departmentOf(postalCode))
        .getResultStream()
        .findFirst();
  }

  public Territory create(String code, String name, Set<String> departments) {
    Territory territory;
    try {
      territory = new Territory(code, name, departments, LocalDateTime.now(clock));
    } catch (IllegalArgumentException e) {
      throw BusinessException.unprocessable("INVALID_TERRITORY", e.getMessage());
    }
    if (findByCode(territory.code()).isPresent()) {
      throw taken("A territory with code " + code + " already exists");
    }
    for (String department : territory.departments()) {
      if (!em.createNamedQuery("Territory.findOfDepartment", Territory.class)
          .setParameter("department", department)
          .getResultList()
          .isEmpty()) {
        throw taken("Department " + department + " already belongs to a territory");
      }
    }
    try {
      em.persist(territory);
      em.flush();
    } catch (PersistenceException e) {
      if (SqlStates.isUniqueViolation(e)) {
        throw taken("This code or one of these departments is already taken");
      }
      throw e;
    }
    kept.forget();
    audit.record(
        OrganisationAudit.TERRITORY_CREATED,
        "Territory",
        territory.id(),
        territory.code() + " " + territory.departments());
    return territory;
  }

  private static BusinessException taken(String detail) {
    return BusinessException.conflict("DUPLICATE_TERRITORY", detail);
  }
}
