package fr.secondevie.organisations.control;

import fr.secondevie.organisations.entity.AppUser;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Reads organisations and users for the other capabilities and the pages. */
@ApplicationScoped
public class Directory {

  @PersistenceContext EntityManager em;

  /** What an organisation is named and what kind it is: both set at its creation, never changed. */
  public record Identity(long id, String name, OrganisationKind kind) {}

  private final ConcurrentMap<Long, Identity> identities = new ConcurrentHashMap<>();

  public Optional<Organisation> findOrganisation(long id) {
    return Optional.ofNullable(em.find(Organisation.class, id));
  }

  /**
   * The name and kind of an organisation, which this instance keeps once read: neither changes
   * after the organisation is created and no organisation is deleted, so no instance can hold a
   * stale one (a counter's checkout asks twice: the funder of a voucher, the relay redeeming it).
   */
  public Optional<Identity> identity(long id) {
    Identity known = identities.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Identity> read =
        findOrganisation(id).map(o -> new Identity(o.id(), o.name(), o.kind()));
    read.ifPresent(identity -> identities.putIfAbsent(id, identity));
    return read;
  }

  public Organisation getOrganisation(long id) {
    return findOrganisation(id).orElseThrow(() -> BusinessException.notFound("Organisation"));
  }

  /** An organisation of the territory; another territory's is not found. */
  public Optional<Organisation> findOrganisationInTerritory(long id, long territoryId) {
    return em.createNamedQuery("Organisation.findOneOfTerritory", Organisation.class)
        .setParameter("id", id)
        .setParameter("territory", territoryId)
        .getResultStream()
        .findFirst();
  }

  public Organisation getOrganisationInTerritory(long id, long territoryId) {
    return findOrganisationInTerritory(id, territoryId)
        .orElseThrow(() -> BusinessException.notFound("Organisation"));
  }

  public List<Organisation> organisationsOfTerritory(long territoryId) {
    return em.createNamedQuery("Organisation.findAllOfTerritory", Organisation.class)
        .setParameter("territory", territoryId)
        .getResultList();
  }

  public List<Organisation> organisationsOfKindInTerritory(
      OrganisationKind kind, long territoryId) {
    return em.createNamedQuery("Organisation.findByKindInTerritory", Organisation.class)
        .setParameter("kind", kind)
        .setParameter("territory", territoryId)
        .getResultList();
  }

  public List<Organisation> coordinations() {
    return organisationsOfKind(OrganisationKind.COORDINATION);
  }

  public List<Organisation> organisations() {
    return em.createNamedQuery("Organisation.findAll", Organisation.class).getResultList();
  }

  public List<Organisation> organisationsOfKind(OrganisationKind kind) {
    return em.createNamedQuery("Organisation.findByKind", Organisation.class)
        .setParameter("kind", kind)
        .getResultList();
  }

  public Optional<AppUser> findUser(String username) {
    return em.createNamedQuery("AppUser.findByUsername", AppUser.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public List<AppUser> users() {
    return em.createNamedQuery("AppUser.findAll", AppUser.class).getResultList();
  }

  /** The accounts of the territory's organisations. */
  public List<AppUser> usersOfTerritory(long territoryId) {
    return em.createNamedQuery("AppUser.findAllOfTerritory", AppUser.class)
        .setParameter("territory", territoryId)
        .getResultList();
  }
}
