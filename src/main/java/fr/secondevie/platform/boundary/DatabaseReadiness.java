package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.DataSourceConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers: a load balancer sends no traffic to an instance without. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Resource(lookup = DataSourceConfig.JNDI_NAME)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    try (Connection connection = dataSource.getConnection()) {
      return response
          .status(connection.isValid(2))
          .withData("product", connection.getMetaData().getDatabaseProductName())
          .build();
    } catch (SQLException e) {
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}
