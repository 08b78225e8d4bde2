package fr.secondevie.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The caller of the current request, for use cases that scope their queries by organisation and for
 * the audit trail. Set by {@link SecondeVieAuthentication}; empty for anonymous requests.
 */
@RequestScoped
public class Caller {

  static final String REQUEST_ATTRIBUTE = AuthenticatedCaller.class.getName();

  @Inject HttpServletRequest request;

  public Optional<AuthenticatedCaller> current() {
    return Optional.ofNullable((AuthenticatedCaller) request.getAttribute(REQUEST_ATTRIBUTE));
  }

  public AuthenticatedCaller get() {
    return current().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
  }

  public long organisationId() {
    return get().organisationId();
  }

  /** The territory of the caller's organisation: the admin's scope. */
  public long territoryId() {
    return get().territoryId();
  }

  public String username() {
    return get().username();
  }

  /**
   * The caller changed its own password: the request and its web session (if it logged in on a
   * page) carry the new version of its credentials, so that the session goes on.
   */
  public void credentialsChanged(int version) {
    AuthenticatedCaller changed = get().withCredentialVersion(version);
    request.setAttribute(REQUEST_ATTRIBUTE, changed);
    HttpSession session = request.getSession(false);
    if (session != null
        && session.getAttribute(SecondeVieAuthentication.SESSION_ATTRIBUTE) != null) {
      session.setAttribute(SecondeVieAuthentication.SESSION_ATTRIBUTE, changed);
    }
  }

  public boolean hasRole(String role) {
    return current().map(c -> c.roles().contains(role)).orElse(false);
  }
}
