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
    name = "AppUser.findOfOrganisation",
    query = "select u from AppUser u where u.organisation.id = :organisation order by u.username")
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

  /** Null until the person chose a password through the activation link. */
  @Column(name = "password_hash")
  private String passwordHash;

  private String email;

  /** Whether the person manages the accounts of its organisation (invites, deactivates). */
  @Column(nullable = false)
  private boolean manager;

  @Column(nullable = false)
  private boolean active = true;

  /** Moves when the password changes or the account is deactivated: see AccountStanding. */
  @Column(name = "credential_version", nullable = false)
  private int credentialVersion;

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
    this.passwordHash = passwordHash;
    this.organisation = Objects.requireNonNull(organisation);
    this.roles = new HashSet<>(roles);
    this.createdAt = createdAt;
  }

  /** The account of a person who will choose a password through an activation link. */
  public static AppUser invited(
      String username,
      String email,
      boolean manager,
      Organisation organisation,
      Set<String> roles,
      LocalDateTime createdAt) {
    AppUser user = new AppUser(username, null, organisation, roles, createdAt);
    user.email = email;
    user.manager = manager;
    return user;
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

  public String email() {
    return email;
  }

  public boolean manager() {
    return manager;
  }

  /** Whether the person chose a password (through the activation link or at creation). */
  public boolean activated() {
    return passwordHash != null;
  }

  public boolean active() {
    return active;
  }

  public int credentialVersion() {
    return credentialVersion;
  }

  /** Makes the person the manager of its organisation's accounts (the demo's users). */
  public AppUser asManager() {
    this.manager = true;
    return this;
  }

  public Set<String> roles() {
    return Set.copyOf(roles);
  }
}
