package fr.secondevie.platform.security;

import jakarta.security.enterprise.CallerPrincipal;

/** The container principal, carrying the caller's organisation beside the name. */
public class AppPrincipal extends CallerPrincipal {

  private final long organisationId;

  public AppPrincipal(String name, long organisationId) {
    super(name);
    this.organisationId = organisationId;
  }

  public long organisationId() {
    return organisationId;
  }
}
