package fr.secondevie.sales.boundary;

import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.sales.control.CashSessions;
import fr.secondevie.sales.control.ClosingReportRenderer;
import fr.secondevie.sales.entity.CashSession;
import fr.secondevie.sales.entity.CashSessionStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A relay's cash sessions (API.md second part, "Cash sessions"): opened with a float, closed with
 * the cash counted, and the closing report. Another relay's sessions are not found.
 */
@Path("relays/{id}/cash-sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CashSessionsResource {

  /** The float put in the drawer. */
  public static class Opening {
    @NotNull
    @Min(0)
    @Max(10_000_000)
    public Long openingFloatCents;
  }

  /** The cash counted in the drawer at the closing. */
  public static class Closing {
    @NotNull
    @Min(0)
    @Max(100_000_000)
    public Long countedCents;
  }

  /** A session as API.md names it; the closing's figures once it is closed. */
  public record SessionView(
      long id,
      long relayId,
      String status,
      OffsetDateTime openedAt,
      String openedBy,
      long openingFloatCents,
      OffsetDateTime closedAt,
      String closedBy,
      Long closingNumber,
      Long expectedCents,
      Long countedCents,
      Long differenceCents,
      Integer salesCount,
      Map<String, Long> totalsByMethod,
      Long refundsCents) {

    static SessionView of(CashSession s, Clock clock) {
      var totals = s.totals();
      return new SessionView(
          s.id(),
          s.relayId(),
          s.status().name(),
          offset(s.openedAt(), clock),
          s.openedBy(),
          s.openingFloat().cents(),
          offset(s.closedAt(), clock),
          s.closedBy(),
          s.closingNumber(),
          s.expected() == null ? null : s.expected().cents(),
          s.counted() == null ? null : s.counted().cents(),
          s.difference() == null ? null : s.difference().cents(),
          totals == null ? null : totals.salesCount(),
          totals == null
              ? null
              : Map.of(
                  "CASH", totals.cashCents(),
                  "CARD", totals.cardCents(),
                  "VOUCHER", totals.voucherCents()),
          totals == null ? null : totals.refundsCents());
    }
  }

  @Inject CashSessions sessions;
  @Inject ClosingReportRenderer reports;
  @Inject Clock clock;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Roles.COUNTER)
  public Response open(@PathParam("id") long relayId, @NotNull @Valid Opening opening) {
    CashSession session = sessions.open(relayId, opening.openingFloatCents);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(session.id())).build())
        .entity(SessionView.of(session, clock))
        .build();
  }

  @GET
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public List<SessionView> list(
      @PathParam("id") long relayId, @QueryParam("status") CashSessionStatus status) {
    return sessions.list(relayId, status).stream().map(s -> SessionView.of(s, clock)).toList();
  }

  @GET
  @Path("{sessionId}")
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public SessionView get(@PathParam("id") long relayId, @PathParam("sessionId") long sessionId) {
    return SessionView.of(sessions.get(relayId, sessionId), clock);
  }

  @POST
  @Path("{sessionId}/closing")
  @RolesAllowed(Roles.COUNTER)
  public SessionView close(
      @PathParam("id") long relayId,
      @PathParam("sessionId") long sessionId,
      @NotNull @Valid Closing closing) {
    return SessionView.of(sessions.close(relayId, sessionId, closing.countedCents), clock);
  }

  @GET
  @Path("{sessionId}/report")
  @Produces("application/pdf")
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public Response report(@PathParam("id") long relayId, @PathParam("sessionId") long sessionId) {
    Document document = reports.forSession(relayId, sessionId);
    return Response.ok(document.pdf())
        .header("Content-Disposition", document.disposition("inline"))
        .build();
  }

  static OffsetDateTime offset(LocalDateTime at, Clock clock) {
    return at == null ? null : at.atZone(clock.getZone()).toOffsetDateTime();
  }
}
