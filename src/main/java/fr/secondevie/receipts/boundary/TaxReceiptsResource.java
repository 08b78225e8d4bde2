package fr.secondevie.receipts.boundary;

import fr.secondevie.platform.security.Roles;
import fr.secondevie.receipts.control.TaxReceipts;
import fr.secondevie.receipts.entity.TaxReceipt;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.List;

/** Tax receipts: the donor's to download, the admin's to cancel and total for the year. */
@Path("tax-receipts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TaxReceiptsResource {

  /** A receipt as API.md describes it. */
  public record ReceiptView(
      String number,
      long donationId,
      long amountCents,
      LocalDateTime issuedAt,
      String status,
      String replaces,
      String cancellationReason,
      String pdfSha256) {
    public static ReceiptView of(TaxReceipt r) {
      return new ReceiptView(
          r.number(),
          r.donationId(),
          r.amount().cents(),
          r.issuedAt(),
          r.status().name(),
          r.replacesNumber(),
          r.cancellationReason(),
          r.pdfSha256());
    }
  }

  /** Why a receipt is cancelled. */
  public static class Cancellation {
    @NotBlank
    @Size(max = 500)
    public String reason;
  }

  @Inject TaxReceipts receipts;
  @Inject fr.secondevie.receipts.control.ReceiptBatches batches;
  @Inject Clock clock;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.DONOR})
  public List<ReceiptView> list(@QueryParam("year") Integer year) {
    return receipts.list(year == null ? Year.now(clock).getValue() : year).stream()
        .map(ReceiptView::of)
        .toList();
  }

  /** The year's receipts for the accountant (semicolon-separated, French decimal comma). */
  @GET
  @Path("export")
  @Produces("text/csv")
  @RolesAllowed(Roles.ADMIN)
  public Response export(@QueryParam("year") Integer year) {
    int y = year == null ? Year.now(clock).getValue() : year;
    jakarta.ws.rs.core.StreamingOutput body =
        out -> {
          var writer = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
          receipts.writeCsv(y, writer);
          writer.flush();
        };
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"recus-fiscaux-" + y + ".csv\"")
        .build();
  }

  /** A background batch and its progress. */
  public record BatchView(
      long id,
      String status,
      int total,
      int done,
      int failed,
      int alreadyIssued,
      int percent,
      LocalDateTime createdAt,
      LocalDateTime finishedAt) {
    static BatchView of(fr.secondevie.receipts.entity.ReceiptBatch b) {
      return new BatchView(
          b.id(),
          b.status(),
          b.total(),
          b.done(),
          b.failed(),
          b.alreadyIssued(),
          b.percent(),
          b.createdAt(),
          b.finishedAt());
    }
  }

  /** Issues, in the background, the receipts of every received donation still waiting. */
  @POST
  @Path("batches")
  @RolesAllowed(Roles.ADMIN)
  public Response startBatch(@jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
    var batch = batches.start();
    return Response.accepted(BatchView.of(batch))
        .location(uri.getAbsolutePathBuilder().path(batch.id().toString()).build())
        .build();
  }

  @GET
  @Path("batches/{id}")
  @RolesAllowed(Roles.ADMIN)
  public BatchView batch(@PathParam("id") long id) {
    return BatchView.of(batches.get(id));
  }

  @GET
  @Path("summary")
  @RolesAllowed(Roles.ADMIN)
  public SummaryView summary(@QueryParam("year") Integer year) {
    return SummaryView.of(receipts.summary(year == null ? Year.now(clock).getValue() : year));
  }

  /** The yearly declaration of one issuer (CGI art. 222 bis): the caller's coordination. */
  public record SummaryView(
      int year, Issuer issuer, long issuedCount, long issuedAmountCents, long cancelledCount) {

    public record Issuer(long id, String name) {}

    static SummaryView of(TaxReceipts.Summary s) {
      return new SummaryView(
          s.year(),
          new Issuer(s.issuer().id(), s.issuer().name()),
          s.issuedCount(),
          s.issuedAmountCents(),
          s.cancelledCount());
    }
  }

  @GET
  @Path("{number}")
  @RolesAllowed({Roles.ADMIN, Roles.DONOR})
  public ReceiptView get(@PathParam("number") String number) {
    return ReceiptView.of(receipts.get(number));
  }

  @GET
  @Path("{number}/pdf")
  @Produces("application/pdf")
  @RolesAllowed({Roles.ADMIN, Roles.DONOR})
  public Response pdf(@PathParam("number") String number) {
    TaxReceipt receipt = receipts.get(number);
    return Response.ok(receipt.pdf(), "application/pdf")
        .header("Content-Disposition", "inline; filename=\"recu-fiscal-" + number + ".pdf\"")
        .header("ETag", "\"" + receipt.pdfSha256() + "\"")
        .build();
  }

  @POST
  @Path("{number}/cancellation")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.ADMIN)
  public ReceiptView cancel(@PathParam("number") String number, @Valid Cancellation request) {
    return ReceiptView.of(receipts.cancel(number, request.reason));
  }
}
