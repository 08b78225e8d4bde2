package fr.secondevie.organisations.control;

import fr.secondevie.organisations.entity.AccountActivation;
import fr.secondevie.organisations.entity.AppUser;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationAudit;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.Mailer;
import fr.secondevie.platform.control.SqlStates;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.AuthenticatedCaller;
import fr.secondevie.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;

/**
 * The life of an account: invited (by the coordination of the territory or by a manager of the
 * organisation, with roles that fit the organisation's kind), activated once through its link (72
 * h, single use; only the token's SHA-256 is stored), its password changed, deactivated. Changing
 * the password or deactivating moves the version of the account's credentials, which every instance
 * compares with the database on every request ({@link AccountStandings}).
 */
@ApplicationScoped
public class Accounts {

  /** How long an activation link may be used. */
  public static final Duration LINK_VALIDITY = Duration.ofHours(72);

  private static final SecureRandom RANDOM = new SecureRandom();

  /** An invitation's outcome: the account and the link to hand over (none with a password). */
  public record Invitation(AppUser user, String link) {}

  /** Who may invite: an admin in its territory, a manager in its own organisation. */
  public record NewAccount(
      String username, String email, Set<String> roles, boolean manager, String password) {}

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject Passwords passwords;
  @Inject AuditTrail audit;
  @Inject Mailer mailer;
  @Inject Clock clock;

  /**
   * A new account in an organisation: of the admin's territory, or the manager's own organisation
   * (another's is not found). With a password (the coordination's former way) it may log in at
   * once; without, it gets an activation link, e-mailed when SMTP is set up.
   */
  @Transactional
  public Invitation invite(
      long organisationId, AuthenticatedCaller by, NewAccount account, String linkBase) {
    Organisation organisation = manageable(organisationId, by);
    for (String role : account.roles()) {
      if (!organisation.kind().allowedRoles().contains(role)) {
        throw BusinessException.unprocessable(
            "ROLE_NOT_ALLOWED",
            "The role "
                + role
                + " does not fit an organisation of kind "
                + organisation.kind()
                + ": "
                + new TreeSet<>(organisation.kind().allowedRoles()));
      }
    }
    if (account.password() != null) {
      Passwords.requireStrong(account.password());
    }
    if (directory.findUser(account.username()).isPresent()) {
      throw taken();
    }
    AppUser user;
    try {
      user =
          AppUser.invited(
              account.username(),
              account.email(),
              account.manager(),
              organisation,
              account.roles(),
              LocalDateTime.now(clock));
    } catch (IllegalArgumentException e) {
      throw BusinessException.unprocessable("INVALID_USER", e.getMessage());
    }
    try {
      em.persist(user);
      em.flush();
    } catch (PersistenceException e) {
      if (SqlStates.isUniqueViolation(e)) {
        throw taken();
      }
      throw e;
    }
    audit.record(
        OrganisationAudit.USER_INVITED,
        "AppUser",
        user.id(),
        user.username()
            + " "
            + new TreeSet<>(account.roles())
            + (account.manager() ? " manager" : ""));
    if (account.password() != null) {
      em.createQuery("update AppUser u set u.passwordHash = :hash where u.id = :id")
          .setParameter("hash", passwords.hash(account.password()))
          .setParameter("id", user.id())
          .executeUpdate();
      return new Invitation(user, null);
    }
    return new Invitation(user, linkFor(user, organisation.name(), linkBase));
  }

  /**
   * A link for the account's first password, e-mailed to it (after commit) when SMTP is set up.
   * Joins the caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String linkFor(AppUser user, String organisationName, String linkBase) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    LocalDateTime now = LocalDateTime.now(clock);
    em.persist(new AccountActivation(user, sha256(token), now, now.plus(LINK_VALIDITY)));
    String link = linkBase + "activation.xhtml?token=" + token;
    if (user.email() != null) {
      mailer.sendAfterCommit(
          user.email(),
          "Seconde Vie : activez votre compte",
          "Bonjour,\n\n"
              + "Un compte Seconde Vie a été ouvert pour vous ("
              + organisationName
              + "). Votre identifiant : "
              + user.username()
              + "\n\nChoisissez votre mot de passe (12 caractères au moins) en ouvrant ce lien,"
              + " valable 72 heures et une seule fois :\n"
              + link
              + "\n\nSi vous n'attendiez pas ce message, ignorez-le.\n\n"
              + "Hello, a Seconde Vie account was opened for you (user name "
              + user.username()
              + "). Choose your password within 72 hours through the link above.\n");
    }
    return link;
  }

  /**
   * Sets the first password through the link: once, within 72 h, for an active account; a used or
   * expired link is 410 ACTIVATION_EXPIRED, a weak password 422 WEAK_PASSWORD (the link stays
   * good). The link is taken by one conditional update, so two uses at once are one.
   */
  @Transactional
  public AppUser activate(String token, String password) {
    LocalDateTime now = LocalDateTime.now(clock);
    String hash = sha256(token == null ? "" : token);
    AccountActivation activation =
        em.createQuery(
                "select a from AccountActivation a join fetch a.user u where a.tokenHash = :hash"
                    + " and a.usedAt is null and a.expiresAt > :now and u.active = true",
                AccountActivation.class)
            .setParameter("hash", hash)
            .setParameter("now", now)
            .getResultStream()
            .findFirst()
            .orElseThrow(Accounts::expired);
    Passwords.requireStrong(password);
    int taken;
    try {
      taken =
          em.createQuery(
                  "update AccountActivation a set a.usedAt = :now where a.id = :id"
                      + " and a.usedAt is null")
              .setParameter("now", now)
              .setParameter("id", activation.id())
              .executeUpdate();
    } catch (PersistenceException raced) {
      // H2 refuses the update of a row another use of the link is updating (PostgreSQL waits and
      // finds it used): either way, the link is being used by someone else
      if (SqlStates.isConcurrentUpdate(raced)) {
        throw expired();
      }
      throw raced;
    }
    if (taken != 1) {
      throw expired();
    }
    AppUser user = activation.user();
    setPassword(user.id(), password);
    audit.recordInTerritory(
        user.organisation().territoryId(),
        OrganisationAudit.ACCOUNT_ACTIVATED,
        "AppUser",
        user.id(),
        user.username());
    return user;
  }

  /**
   * The caller's own password, the current one checked first (a wrong one is 422 WRONG_PASSWORD).
   *
   * @return the new version of the caller's credentials
   */
  @Transactional
  public int changePassword(String username, String current, String chosen) {
    AppUser user = directory.findUser(username).orElseThrow(Accounts::wrongPassword);
    if (current == null
        || user.passwordHash() == null
        || !passwords.verify(current.toCharArray(), user.passwordHash())) {
      throw wrongPassword();
    }
    Passwords.requireStrong(chosen);
    int version = setPassword(user.id(), chosen);
    audit.record(OrganisationAudit.PASSWORD_CHANGED, "AppUser", user.id(), username);
    return version;
  }

  /**
   * An account can no longer log in, on any instance, from its next request: by the admin of its
   * territory or a manager of its organisation (anyone else: not found). Again: the same answer.
   */
  @Transactional
  public AppUser deactivate(String username, AuthenticatedCaller by) {
    AppUser user =
        directory
            .findUser(username)
            .filter(u -> mayManage(u.organisation(), by))
            .orElseThrow(() -> BusinessException.notFound("User"));
    if (!by.roles().contains(Roles.ADMIN) && !isManager(by)) {
      throw BusinessException.notFound("User");
    }
    if (user.active()) {
      em.createQuery(
              "update AppUser u set u.active = false,"
                  + " u.credentialVersion = u.credentialVersion + 1 where u.id = :id")
          .setParameter("id", user.id())
          .executeUpdate();
      audit.record(OrganisationAudit.USER_DEACTIVATED, "AppUser", user.id(), username);
      em.refresh(user);
    }
    return user;
  }

  /**
   * Records the SIRET of an organisation's establishment (what its invoices name it by), for the
   * coordination of its territory or a manager of the organisation.
   */
  @Transactional
  public Organisation registerSiret(long organisationId, String siret, AuthenticatedCaller by) {
    Organisation organisation = manageable(organisationId, by);
    try {
      organisation.registeredAs(siret);
    } catch (IllegalArgumentException e) {
      throw BusinessException.invalid("siret", e.getMessage());
    }
    audit.record(OrganisationAudit.SIRET_REGISTERED, "Organisation", organisationId, siret);
    return organisation;
  }

  /** The accounts of an organisation the caller manages. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public java.util.List<AppUser> accountsOf(long organisationId, AuthenticatedCaller by) {
    Organisation organisation = manageable(organisationId, by);
    return em.createNamedQuery("AppUser.findOfOrganisation", AppUser.class)
        .setParameter("organisation", organisation.id())
        .getResultList();
  }

  private int setPassword(long userId, String password) {
    em.createQuery(
            "update AppUser u set u.passwordHash = :hash,"
                + " u.credentialVersion = u.credentialVersion + 1 where u.id = :id")
        .setParameter("hash", passwords.hash(password))
        .setParameter("id", userId)
        .executeUpdate();
    return em.createQuery(
            "select u.credentialVersion from AppUser u where u.id = :id", Integer.class)
        .setParameter("id", userId)
        .getSingleResult();
  }

  /**
   * The organisation whose accounts the caller manages: an admin's territory's, or a manager's own;
   * another's is not found, the caller's own without being its manager is 403 NOT_A_MANAGER.
   */
  private Organisation manageable(long organisationId, AuthenticatedCaller by) {
    if (by.roles().contains(Roles.NATIONAL) && !by.roles().contains(Roles.ADMIN)) {
      // the national coordination reads the territories; each territory's admin makes its accounts
      throw new BusinessException(
          403, "NOT_A_MANAGER", "The national coordination does not manage the members' accounts");
    }
    if (by.roles().contains(Roles.ADMIN)) {
      return directory.getOrganisationInTerritory(organisationId, by.territoryId());
    }
    if (organisationId != by.organisationId()) {
      throw BusinessException.notFound("Organisation");
    }
    if (!isManager(by)) {
      throw new BusinessException(
          403, "NOT_A_MANAGER", "Only a manager of the organisation manages its accounts");
    }
    return directory.getOrganisation(organisationId);
  }

  private static boolean mayManage(Organisation organisation, AuthenticatedCaller by) {
    return by.roles().contains(Roles.ADMIN)
        ? organisation.territoryId() == by.territoryId()
        : organisation.id() == by.organisationId();
  }

  private boolean isManager(AuthenticatedCaller by) {
    return directory.findUser(by.username()).map(AppUser::manager).orElse(false);
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BusinessException expired() {
    return new BusinessException(
        410, "ACTIVATION_EXPIRED", "This link was already used or has expired: ask for a new one");
  }

  private static BusinessException wrongPassword() {
    return BusinessException.unprocessable("WRONG_PASSWORD", "The current password is wrong");
  }

  private static BusinessException taken() {
    return BusinessException.conflict("DUPLICATE_USERNAME", "This user name is already taken");
  }
}
