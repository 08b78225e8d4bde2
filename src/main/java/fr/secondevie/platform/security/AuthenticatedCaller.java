package fr.secondevie.platform.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is calling, as the identity store established it: the user name, the organisation the user
 * belongs to and its territory (every query that serves a user is scoped by them) and the roles.
 * Kept in the web session after a form login, rebuilt from the credentials on every API call; the
 * version of the credentials is compared with the database's on every request ({@link
 * AccountStanding}).
 */
public record AuthenticatedCaller(
    String username,
    long organisationId,
    long territoryId,
    Set<String> roles,
    int credentialVersion)
    implements Serializable {

  public AuthenticatedCaller {
    roles = Set.copyOf(roles);
  }

  public AuthenticatedCaller(
      String username, long organisationId, long territoryId, Set<String> roles) {
    this(username, organisationId, territoryId, roles, 0);
  }

  /** The same caller after its own password change moved the version of its credentials. */
  public AuthenticatedCaller withCredentialVersion(int version) {
    return new AuthenticatedCaller(username, organisationId, territoryId, roles, version);
  }
}
