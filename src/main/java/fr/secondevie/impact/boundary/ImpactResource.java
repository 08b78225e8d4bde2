package fr.secondevie.impact.boundary;

import fr.secondevie.impact.control.ImpactReport;
import fr.secondevie.platform.entity.BusinessException;
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
  @Inject fr.secondevie.impact.control.ImpactPdf renderer;
  @Inject fr.secondevie.organisations.control.Directory directory;
  @Inject DonorDonations donations;
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
      throw BusinessException.invalid("from", "from is after to");
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
      throw BusinessException.invalid("scope", "scope is 'mine' or absent");
    }
    return report.of(start, end, Optional.empty());
  }

  /** A donor's impact report as a PDF: a donation's, or the year's. */
  @GET
  @Path("report")
  @Produces("application/pdf")
  @jakarta.annotation.security.RolesAllowed(Roles.DONOR)
  public jakarta.ws.rs.core.Response report(
      @QueryParam("donation") Long donation, @QueryParam("year") Integer year) {
    long donor = caller.organisationId();
    String company = directory.getOrganisation(donor).name();
    byte[] pdf;
    if (donation != null) {
      donations.getOfDonor(donation, donor);
      pdf = renderer.render(company, "don n° " + donation, report.ofDonation(donor, donation));
    } else {
      int y = year == null ? LocalDate.now(clock).getYear() : year;
      pdf =
          renderer.render(
              company,
              "année " + y,
              report.of(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), Optional.of(donor)));
    }
    return jakarta.ws.rs.core.Response.ok(pdf, "application/pdf")
        .header("Content-Disposition", "inline; filename=\"impact-seconde-vie.pdf\"")
        .build();
  }

  /** A donation's impact, for its donor company. */
  @GET
  @Path("donations/{id}")
  @jakarta.annotation.security.RolesAllowed(Roles.DONOR)
  public ImpactReport.Impact ofDonation(@jakarta.ws.rs.PathParam("id") long donation) {
    donations.getOfDonor(donation, caller.organisationId());
    return report.ofDonation(caller.organisationId(), donation);
  }

  private static Optional<LocalDate> date(String value, String name) {
    try {
      return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(LocalDate::parse);
    } catch (DateTimeParseException e) {
      throw BusinessException.invalid(name, name + " must be a date (YYYY-MM-DD)");
    }
  }
}
