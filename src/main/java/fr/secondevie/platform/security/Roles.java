package fr.secondevie.platform.security;

/** The roles of API.md, as they appear in {@code @RolesAllowed} and in the database. */
public final class Roles {

  public static final String ADMIN = "admin";
  public static final String REFURBISHER = "refurbisher";
  public static final String COUNTER = "counter";
  public static final String SOCIAL_WORKER = "social-worker";
  public static final String DONOR = "donor";
  public static final String FUNDER = "funder";

  /** The national coordination: reads every territory and creates territories. */
  public static final String NATIONAL = "national";

  public static final java.util.List<String> ALL =
      java.util.List.of(ADMIN, REFURBISHER, COUNTER, SOCIAL_WORKER, DONOR, FUNDER, NATIONAL);

  private Roles() {}
}
