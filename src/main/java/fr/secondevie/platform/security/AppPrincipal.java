package fr.secondevie.platform.security;

import jakarta.security.enterprise.CallerPrincipal;

/** The container principal, carrying the caller's organisation and territory beside the name. */
public class AppPrincipal extends CallerPrincipal {

  private final long organisationId;
  private final long territoryId;
  private final int credentialVersion;

  public AppPrincipal(String name, long organisationId, long territoryId) {
    this(name, organisationId, territoryId, 0);
  }

  public AppPrincipal(String name, long organisationId, long territoryId, int credentialVersion) {
    super(name);
    this.organisationId = organisationId;
    this.territoryId = territoryId;
    this.credentialVersion = credentialVersion;
  }

  public int credentialVersion() {
    return credentialVersion;
  }

  public long territoryId() {
    return territoryId;
  }

  public long organisationId() {
    return organisationId;
  }
}
