package fr.secondevie.organisations.entity;

import fr.secondevie.platform.security.Roles;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person who logs in. Belongs to exactly one organisation and holds one or more of the roles; the
 * password is kept only as a PBKDF2 hash.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(
    name = "AppUser.findByUsername",
    query =
        "select u from AppUser u join fetch u.organisation left join fetch u.roles"
            + " where u.username = :username")
@NamedQuery(
    name = "AppUser.findAll",
    query = "select u from AppUser u join fetch u.organisation order by u.username")
@NamedQuery(
    name = "AppUser.findAllOfTerritory",
    query =
        "select u from AppUser u join fetch u.organisation o where o.territoryId = :territory"
            + " order by u.username")
public class AppUser {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id")
  private Organisation organisation;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role")
  private Set<String> roles = new HashSet<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  protected AppUser() {}

  public AppUser(
      String username,
      String passwordHash,
      Organisation organisation,
      Set<String> roles,
      LocalDateTime createdAt) {
    if (username == null || !username.matches("[a-z0-9._-]{2,100}")) {
      throw new IllegalArgumentException("A user name is 2 to 100 lower-case letters or digits");
    }
    if (roles.isEmpty() || !Roles.ALL.containsAll(roles)) {
      throw new IllegalArgumentException("Unknown roles: " + roles);
    }
    this.username = username;
    this.passwordHash = Objects.requireNonNull(passwordHash);
    this.organisation = Objects.requireNonNull(organisation);
    this.roles = new HashSet<>(roles);
    this.createdAt = createdAt;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Organisation organisation() {
    return organisation;
  }

  public Set<String> roles() {
    return Set.copyOf(roles);
  }
}
