package fr.secondevie.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date at start-up with the Flyway migrations of {@code
 * db/migration} (one SQL dialect for H2 and PostgreSQL). Flyway owns the schema; JPA only maps it.
 * Two instances starting together are safe: Flyway locks its history table.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  @Resource(lookup = DataSourceConfig.JNDI_NAME)
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    var result =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied)");
  }
}
