package fr.secondevie.platform.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is calling, as the identity store established it: the user name, the organisation the user
 * belongs to and its territory (every query that serves a user is scoped by them) and the roles.
 * Kept in the web session after a form login, rebuilt from the credentials on every API call.
 */
public record AuthenticatedCaller(
    String username, long organisationId, long territoryId, Set<String> roles)
    implements Serializable {

  public AuthenticatedCaller {
    roles = Set.copyOf(roles);
  }
}
