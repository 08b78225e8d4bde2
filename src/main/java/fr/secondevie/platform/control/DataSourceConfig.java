package fr.secondevie.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The single data source, configured from the environment (API.md "Settings"): embedded H2 under
 * {@code ./data} unless {@code SECONDEVIE_DB_URL} names another database. Payara resolves the
 * {@code ${ENV=NAME:default}} references when the application is deployed.
 */
@DataSourceDefinition(
    name = DataSourceConfig.JNDI_NAME,
    className = "fr.secondevie.platform.control.DatabaseDataSource",
    url = "${ENV=SECONDEVIE_DB_URL:jdbc:h2:./data/secondevie;MODE=LEGACY;AUTO_SERVER=TRUE}",
    user = "${ENV=SECONDEVIE_DB_USER:}",
    password = "${ENV=SECONDEVIE_DB_PASSWORD:}",
    initialPoolSize = 2,
    minPoolSize = 2,
    maxPoolSize = 32,
    maxIdleTime = 300)
@ApplicationScoped
public class DataSourceConfig {

  public static final String JNDI_NAME = "java:app/jdbc/secondevie";
}
