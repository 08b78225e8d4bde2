package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.vouchers.boundary.VoucherViews.BatchCancellationView;
import fr.secondevie.vouchers.boundary.VoucherViews.BatchView;
import fr.secondevie.vouchers.boundary.VoucherViews.IssuedView;
import fr.secondevie.vouchers.boundary.VoucherViews.MonthStatementsView;
import fr.secondevie.vouchers.boundary.VoucherViews.ProgramView;
import fr.secondevie.vouchers.boundary.VoucherViews.ReconciliationView;
import fr.secondevie.vouchers.boundary.VoucherViews.StatementView;
import fr.secondevie.vouchers.control.Booklets;
import fr.secondevie.vouchers.control.Invoices;
import fr.secondevie.vouchers.control.Issuance;
import fr.secondevie.vouchers.control.Programmes;
import fr.secondevie.vouchers.control.Programmes.InvoicingReferences;
import fr.secondevie.vouchers.control.Programmes.NewProgramme;
import fr.secondevie.vouchers.control.Reconciliation;
import fr.secondevie.vouchers.control.Reconciliation.Period;
import fr.secondevie.vouchers.control.Statements;
import fr.secondevie.vouchers.control.VoucherDocuments;
import fr.secondevie.vouchers.entity.IssuanceBatch;
import fr.secondevie.vouchers.entity.RelayInvoice;
import fr.secondevie.vouchers.entity.Statement;
import fr.secondevie.vouchers.entity.VoucherKind;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Voucher programmes for their funder (and the admin's reading of all of them): creation, issuance,
 * batches and sheets, reconciliation and monthly statements.
 */
@Path("voucher-programs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VoucherProgramsResource {

  static final String CSV = "text/csv";

  /**
   * A new programme, as its funder defines it. Request bodies are classes with public fields rather
   * than records: Payara's OpenAPI generator fails on constraints on record constructor parameters.
   */
  public static class ProgramRequest {
    @NotBlank
    @Size(max = 200)
    public String name;

    @NotNull public VoucherKind kind;

    @NotNull
    @Positive
    @Max(100_000_00)
    public Long faceValueCents;

    @NotNull public LocalDate validFrom;
    @NotNull public LocalDate validUntil;

    @PositiveOrZero
    @Max(366)
    public Integer toleranceDays;

    public Boolean nominative;

    @Size(max = 20)
    public List<
            @NotNull
            @Pattern(regexp = "\\d{1,5}", message = "a postal-code prefix is one to five digits")
            String>
        postalCodePrefixes;

    @Size(max = 1000)
    public String conditions;

    /** Chorus Pro: the code of the funder's service that receives the invoices (BT-10). */
    @Size(max = 100)
    public String serviceCode;

    /** Chorus Pro: the legal commitment number (engagement juridique) the invoices cite. */
    @Size(max = 50)
    public String commitmentNumber;
  }

  /** The references the programme's invoices carry for Chorus Pro (blank: none). */
  public static class InvoicingRequest {
    @Size(max = 100)
    public String serviceCode;

    @Size(max = 50)
    public String commitmentNumber;
  }

  /** A batch to issue. */
  public static class IssueRequest {
    @NotNull
    @Min(1)
    @Max(IssuanceBatch.MAX_QUANTITY)
    public Integer quantity;

    /**
     * The person a nominative voucher is bound to: the identifier on their eligibility attestation,
     * as printed (spaces and dashes are ignored).
     */
    @Size(max = 40)
    @Pattern(regexp = "[0-9A-Za-z\\s-]*", message = "must be the attestation identifier")
    public String beneficiaryId;
  }

  /** Booklets to allocate to a social structure: how many, and how many passes in each. */
  public static class BookletsRequest {
    @NotNull public Long structureId;

    @NotNull
    @Min(1)
    @Max(100)
    public Integer count;

    @NotNull
    @Min(1)
    @Max(50)
    public Integer vouchersPerBooklet;
  }

  /** The booklets allocated. */
  public record BookletsView(List<BookletsResource.AllocatedView> booklets) {}

  /** The month to draw statements up for. */
  public static class StatementRequest {
    @NotNull
    @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be YYYY-MM")
    public String month;
  }

  /**
   * What an agreement or a payment records (both optional): the date the funder gives it (none:
   * today) and its reference, such as the payment mandate's number.
   */
  public static class SettlementRequest {
    public LocalDate date;

    @Size(max = 100)
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must be one line of text")
    public String reference;

    Statements.Settlement settlement() {
      return new Statements.Settlement(date, reference);
    }
  }

  @Inject Programmes programmes;
  @Inject Issuance issuance;
  @Inject Booklets booklets;
  @Inject Reconciliation reconciliation;
  @Inject Statements statements;
  @Inject Invoices invoices;
  @Inject VoucherDocuments documents;
  @Inject Clock clock;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Roles.FUNDER)
  public Response create(@Valid @NotNull ProgramRequest r) {
    VoucherProgramme created =
        programmes.create(
            new NewProgramme(
                r.name,
                r.kind,
                r.faceValueCents,
                r.validFrom,
                r.validUntil,
                r.toleranceDays == null ? 0 : r.toleranceDays,
                Boolean.TRUE.equals(r.nominative),
                r.postalCodePrefixes == null ? List.of() : r.postalCodePrefixes,
                r.conditions),
            new InvoicingReferences(r.serviceCode, r.commitmentNumber));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(view(created))
        .build();
  }

  @GET
  @RolesAllowed({Roles.FUNDER, Roles.ADMIN})
  public List<ProgramView> list() {
    return programmes.visible().stream().map(this::view).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.FUNDER, Roles.ADMIN})
  public ProgramView get(@PathParam("id") long id) {
    return view(programmes.getVisible(id));
  }

  /**
   * The references the invoices of the programme's statements carry for Chorus Pro: the funder's
   * service code and the legal commitment number (beyond API.md, which names them on the
   * programme). Invoices already issued keep theirs.
   */
  @PUT
  @Path("{id}/invoicing")
  @RolesAllowed(Roles.FUNDER)
  public ProgramView setInvoicing(@PathParam("id") long id, @Valid @NotNull InvoicingRequest r) {
    return view(
        programmes.setInvoicingReferences(
            id, new InvoicingReferences(r.serviceCode, r.commitmentNumber)));
  }

  /**
   * Issues vouchers: up to 1,000 at once (201 with the codes), more in the background (202 with the
   * batch and the URL of its progress).
   */
  @POST
  @Path("{id}/vouchers")
  @RolesAllowed(Roles.FUNDER)
  public Response issue(@PathParam("id") long id, @Valid @NotNull IssueRequest r) {
    Issuance.Issued issued = issuance.issue(id, r.quantity, r.beneficiaryId);
    URI progress = batchUri(id, issued.batch().id());
    if (issued.inBackground()) {
      return Response.accepted(BatchView.of(issued.batch(), progress.toString()))
          .location(progress)
          .build();
    }
    return Response.created(progress).entity(IssuedView.of(issued.batch(), issued.codes())).build();
  }

  /**
   * Allocates booklets of passes to a social structure of the territory (PASS_NUMERIQUE programmes
   * only, else 422 NOT_A_PASS_PROGRAMME); answers each booklet with its codes.
   */
  @POST
  @Path("{id}/booklets")
  @RolesAllowed(Roles.FUNDER)
  public Response allocateBooklets(@PathParam("id") long id, @Valid @NotNull BookletsRequest r) {
    List<Booklets.Allocated> allocated =
        booklets.allocate(id, r.structureId, r.count, r.vouchersPerBooklet);
    return Response.created(
            uri.getBaseUriBuilder()
                .path("booklets")
                .path(String.valueOf(allocated.get(0).booklet().id()))
                .build())
        .entity(
            new BookletsView(allocated.stream().map(BookletsResource.AllocatedView::of).toList()))
        .build();
  }

  @GET
  @Path("{id}/batches")
  @RolesAllowed({Roles.FUNDER, Roles.ADMIN})
  public List<BatchView> batches(@PathParam("id") long id) {
    return issuance.batches(id).stream()
        .map(b -> BatchView.of(b, batchUri(id, b.id()).toString()))
        .toList();
  }

  @GET
  @Path("{id}/batches/{batchId}")
  @RolesAllowed({Roles.FUNDER, Roles.ADMIN})
  public BatchView batch(@PathParam("id") long id, @PathParam("batchId") long batchId) {
    return BatchView.of(issuance.getBatch(id, batchId), batchUri(id, batchId).toString());
  }

  /**
   * Cancels a whole batch (beyond API.md): every voucher of it still ISSUED; the held, used and
   * expired ones stay. 409 BATCH_RUNNING while it is issued, BATCH_NOT_CANCELLABLE when nothing is
   * left to cancel.
   */
  @POST
  @Path("{id}/batches/{batchId}/cancellation")
  @RolesAllowed(Roles.FUNDER)
  public BatchCancellationView cancelBatch(
      @PathParam("id") long id, @PathParam("batchId") long batchId) {
    return BatchCancellationView.of(issuance.cancelBatch(id, batchId));
  }

  /** The codes of a batch as CSV ({@code code,status}), streamed. */
  @GET
  @Path("{id}/batches/{batchId}/codes")
  @Produces(CSV)
  @RolesAllowed(Roles.FUNDER)
  public Response codes(@PathParam("id") long id, @PathParam("batchId") long batchId) {
    IssuanceBatch batch = issuance.getOwnBatch(id, batchId);
    StreamingOutput body = out -> issuance.writeCodesCsv(batch.id(), out);
    return Response.ok(body, CSV + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"bons-lot-" + batchId + ".csv\"")
        .build();
  }

  /**
   * The printable sheet of a batch's vouchers: {@code count} (at most 1,000) from {@code first}.
   */
  @GET
  @Path("{id}/batches/{batchId}/sheet")
  @Produces("application/pdf")
  @RolesAllowed(Roles.FUNDER)
  public Response sheet(
      @PathParam("id") long id,
      @PathParam("batchId") long batchId,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("count") @DefaultValue("1000") int count) {
    return inline(documents.batchSheet(id, batchId, first, count));
  }

  @GET
  @Path("{id}/reconciliation")
  @Produces(MediaType.APPLICATION_JSON + "; qs=1")
  @RolesAllowed({Roles.FUNDER, Roles.ADMIN})
  public ReconciliationView reconciliation(
      @PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
    return ReconciliationView.of(reconciliation.summary(id, period(from, to)));
  }

  /** One line per redemption, streamed: memory does not grow with the number of lines. */
  @GET
  @Path("{id}/reconciliation")
  @Produces(CSV + "; qs=0.5")
  @RolesAllowed({Roles.FUNDER, Roles.ADMIN})
  public Response reconciliationCsv(
      @PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
    long programmeId = programmes.getVisible(id).id();
    Period period = period(from, to);
    StreamingOutput body = out -> reconciliation.writeCsv(programmeId, period, out);
    return Response.ok(body, CSV + "; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"rapprochement-programme-" + id + ".csv\"")
        .build();
  }

  @POST
  @Path("{id}/statements")
  @RolesAllowed(Roles.FUNDER)
  public Response drawUp(@PathParam("id") long id, @Valid @NotNull StatementRequest r) {
    YearMonth month = month(r.month);
    List<StatementView> drawn =
        statements.drawUp(id, month).stream().map(s -> statementView(s, false)).toList();
    return Response.created(uri.getAbsolutePathBuilder().queryParam("month", month).build())
        .entity(new MonthStatementsView(id, month.toString(), drawn))
        .build();
  }

  @GET
  @Path("{id}/statements")
  @RolesAllowed({Roles.FUNDER, Roles.ADMIN})
  public List<StatementView> statements(@PathParam("id") long id) {
    Map<Long, Invoices.Issued> issued = invoices.issuedFor(id);
    return statements.list(id).stream().map(s -> statementView(s, false, issued)).toList();
  }

  @GET
  @Path("{id}/statements/{sid}")
  @RolesAllowed({Roles.FUNDER, Roles.ADMIN})
  public StatementView statement(@PathParam("id") long id, @PathParam("sid") long sid) {
    return statementView(statements.get(id, sid), true);
  }

  @POST
  @Path("{id}/statements/{sid}/agreement")
  @RolesAllowed(Roles.FUNDER)
  public StatementView agree(
      @PathParam("id") long id, @PathParam("sid") long sid, @Valid SettlementRequest r) {
    return statementView(
        statements.agree(id, sid, r == null ? Statements.Settlement.NONE : r.settlement()), false);
  }

  @POST
  @Path("{id}/statements/{sid}/payment")
  @RolesAllowed(Roles.FUNDER)
  public StatementView pay(
      @PathParam("id") long id, @PathParam("sid") long sid, @Valid SettlementRequest r) {
    return statementView(
        statements.pay(id, sid, r == null ? Statements.Settlement.NONE : r.settlement()), false);
  }

  @GET
  @Path("{id}/statements/{sid}/pdf")
  @Produces("application/pdf")
  @RolesAllowed({Roles.FUNDER, Roles.ADMIN})
  public Response statementPdf(@PathParam("id") long id, @PathParam("sid") long sid) {
    return inline(documents.statementOf(id, sid));
  }

  /**
   * The relay's Factur-X invoice of an agreed statement (PDF/A-3 carrying factur-x.xml), issued the
   * first time it is asked for and the same document at every download; its number is also in the
   * {@code X-Invoice-Number} header.
   */
  @GET
  @Path("{id}/statements/{sid}/invoice")
  @Produces("application/pdf")
  @RolesAllowed({Roles.FUNDER, Roles.ADMIN})
  public Response invoice(@PathParam("id") long id, @PathParam("sid") long sid) {
    RelayInvoice invoice = invoices.issue(id, sid);
    return Response.ok(invoice.pdf(), Document.PDF)
        .header("Content-Disposition", "inline; filename=\"facture-" + invoice.number() + ".pdf\"")
        .header("X-Invoice-Number", invoice.number())
        .build();
  }

  private static Response inline(Document document) {
    return Response.ok(document.pdf(), Document.PDF)
        .header("Content-Disposition", document.disposition("inline"))
        .build();
  }

  private ProgramView view(VoucherProgramme p) {
    return ProgramView.of(p, programmes.funderName(p));
  }

  private StatementView statementView(Statement s, boolean withLines) {
    return statementView(s, withLines, invoices.issuedFor(s.programmeId()));
  }

  private StatementView statementView(
      Statement s, boolean withLines, Map<Long, Invoices.Issued> issued) {
    return StatementView.of(
        s,
        statements.relayName(s),
        s.isProvisionalOn(LocalDate.now(clock)),
        Optional.ofNullable(issued.get(s.id())).map(Invoices.Issued::number).orElse(null),
        withLines ? statements.lines(s) : null);
  }

  private URI batchUri(long programmeId, long batchId) {
    return uri.getBaseUriBuilder()
        .path("voucher-programs")
        .path(Long.toString(programmeId))
        .path("batches")
        .path(Long.toString(batchId))
        .build();
  }

  static Period period(String from, String to) {
    try {
      return Period.of(
          from == null || from.isBlank() ? null : LocalDate.parse(from),
          to == null || to.isBlank() ? null : LocalDate.parse(to));
    } catch (DateTimeParseException e) {
      throw BusinessException.invalid("from", "from and to are dates YYYY-MM-DD");
    }
  }

  private static YearMonth month(String month) {
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw BusinessException.invalid("month", "month is YYYY-MM");
    }
  }
}
