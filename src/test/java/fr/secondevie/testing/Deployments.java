package fr.secondevie.testing;

import java.io.File;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one way integration tests deploy the application: the WAR that {@code mvn package} built,
 * exactly as it ships, never a hand-kept list of classes.
 */
public final class Deployments {

  private Deployments() {}

  public static WebArchive application() {
    File war = new File(System.getProperty("secondevie.war", "target/secondevie.war"));
    if (!war.isFile()) {
      throw new IllegalStateException("Build the WAR first (mvn package): " + war);
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  /**
   * The application plus what in-container test methods need: the test classes, the libraries that
   * hold the given marker classes (AssertJ, say), and Arquillian's test runner servlet left open
   * (the application's web.xml protects everything else).
   */
  public static WebArchive withTests(Class<?>[] testClasses, Class<?>... libraryMarkers)
      throws Exception {
    WebArchive war = application().addClasses(testClasses).addClass(Deployments.class);
    for (Class<?> marker : libraryMarkers) {
      war.addAsLibraries(
          new File(marker.getProtectionDomain().getCodeSource().getLocation().toURI()));
    }
    String webXml;
    try (var in = war.get("/WEB-INF/web.xml").getAsset().openStream()) {
      webXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return war.setWebXML(
        new StringAsset(
            webXml.replace(
                "</web-app>",
                "<security-constraint><web-resource-collection><web-resource-name>arquillian"
                    + "</web-resource-name><url-pattern>/ArquillianServletRunnerEE9</url-pattern>"
                    + "</web-resource-collection></security-constraint></web-app>")));
  }
}
