package fr.secondevie.platform.security;

import jakarta.security.enterprise.CallerPrincipal;

/** The container principal, carrying the caller's organisation and territory beside the name. */
public class AppPrincipal extends CallerPrincipal {

  private final long organisationId;
  private final long territoryId;

  public AppPrincipal(String name, long organisationId, long territoryId) {
    super(name);
    this.organisationId = organisationId;
    this.territoryId = territoryId;
  }

  public long territoryId() {
    return territoryId;
  }

  public long organisationId() {
    return organisationId;
  }
}
