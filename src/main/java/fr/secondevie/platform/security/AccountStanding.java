package fr.secondevie.platform.security;

import java.util.OptionalInt;

/**
 * Whether an account may still act, as the database says now: the port through which the
 * authentication asks the directory of users (which owns them) on every request, so that an account
 * deactivated on one instance, or whose password changed, is refused on the next request on every
 * instance, whatever a credential cache or a web session remembers.
 */
public interface AccountStanding {

  /** The version of the account's credentials while it is active; empty once it may not log in. */
  OptionalInt activeVersion(String username);
}
