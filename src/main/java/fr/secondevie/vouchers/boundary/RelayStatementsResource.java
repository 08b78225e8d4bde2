package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.security.Roles;
import fr.secondevie.vouchers.control.Invoices;
import fr.secondevie.vouchers.control.RelayStatements;
import fr.secondevie.vouchers.entity.RelayInvoice;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
  @Inject Invoices invoices;

  /**
   * The relay's Factur-X invoice of one of its agreed statements (the same document the funder
   * downloads, issued by whichever asks first), its number in {@code X-Invoice-Number}.
   */
  @GET
  @Path("{sid}/invoice")
  @Produces("application/pdf")
  @RolesAllowed(Roles.COUNTER)
  public Response invoice(@PathParam("id") long relayId, @PathParam("sid") long sid) {
    RelayInvoice invoice = invoices.issueAsRelay(relayId, sid);
    return Response.ok(invoice.pdf(), "application/pdf")
        .header("Content-Disposition", "inline; filename=\"facture-" + invoice.number() + ".pdf\"")
        .header("X-Invoice-Number", invoice.number())
        .build();
  }

  @GET
  @RolesAllowed(Roles.COUNTER)
  public List<RelayStatementView> list(@PathParam("id") long relayId) {
    return statements.of(relayId).stream().map(RelayStatementView::of).toList();
  }
}
