package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.security.Roles;
import fr.secondevie.vouchers.control.RelayStatements;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;

/**
 * The statements funders established for a relay (API.md second part): what each programme owes it
 * for a month, with its status and amounts. A counter reads its own relay's.
 */
@Path("relays/{id}/statements")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RelayStatementsResource {

  /** A statement as the relay reads it. */
  public record RelayStatementView(
      long id,
      long programmeId,
      String programme,
      String funder,
      String period,
      String status,
      int itemCount,
      long amountCents,
      LocalDate agreementDate,
      String agreementReference,
      LocalDate paymentDate,
      String paymentReference) {

    static RelayStatementView of(RelayStatements.RelayStatement r) {
      var s = r.statement();
      return new RelayStatementView(
          s.id(),
          s.programmeId(),
          r.programme(),
          r.funder(),
          s.period().toString(),
          s.status().name(),
          s.itemCount(),
          s.amount().cents(),
          s.agreementDate(),
          s.agreementReference(),
          s.paymentDate(),
          s.paymentReference());
    }
  }

  @Inject RelayStatements statements;

  @GET
  @RolesAllowed(Roles.COUNTER)
  public List<RelayStatementView> list(@PathParam("id") long relayId) {
    return statements.of(relayId).stream().map(RelayStatementView::of).toList();
  }
}
