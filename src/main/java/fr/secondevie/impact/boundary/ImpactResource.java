package fr.secondevie.impact.boundary;

import fr.secondevie.impact.control.ImpactReport;
import fr.secondevie.platform.control.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The chain's impact, public; a donor company's own with {@code ?scope=mine}. */
@Path("impact")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ImpactResource {

  @Inject ImpactReport report;
  @Inject Caller caller;
  @Inject Clock clock;

  @GET
  @PermitAll
  public ImpactReport.Impact impact(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("scope") String scope) {
    LocalDate end = date(to, "to").orElse(LocalDate.now(clock));
    LocalDate start = date(from, "from").orElse(end.withDayOfYear(1));
    if (start.isAfter(end)) {
      throw BusinessException.badRequest("INVALID_INPUT", "from is after to");
    }
    if ("mine".equals(scope)) {
      if (caller.current().isEmpty()) {
        throw new jakarta.ws.rs.NotAuthorizedException("Basic");
      }
      if (!caller.hasRole(Roles.DONOR)) {
        throw new jakarta.ws.rs.ForbiddenException();
      }
      return report.of(start, end, Optional.of(caller.organisationId()));
    }
    if (scope != null) {
      throw BusinessException.badRequest("INVALID_INPUT", "scope is 'mine' or absent");
    }
    return report.of(start, end, Optional.empty());
  }

  private static Optional<LocalDate> date(String value, String name) {
    try {
      return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      throw BusinessException.badRequest("INVALID_INPUT", name + " must be a date (YYYY-MM-DD)");
    }
  }
}
