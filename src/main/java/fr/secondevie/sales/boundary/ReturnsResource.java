package fr.secondevie.sales.boundary;

import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.sales.control.CreditNoteRenderer;
import fr.secondevie.sales.control.Returns;
import fr.secondevie.sales.entity.PaymentMethod;
import fr.secondevie.sales.entity.ReturnReason;
import fr.secondevie.sales.entity.ReturnRefund;
import fr.secondevie.sales.entity.SaleReturn;
import fr.secondevie.vouchers.entity.VoucherCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Returns of a paid order (API.md second part, "Returns"): the counter of the relay returns a
 * device, under the legal warranty or within the return period, and prints its credit note. Another
 * relay's orders are not found.
 */
@Path("orders/{id}/returns")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReturnsResource {

  /** The device brought back and why. */
  public static class ReturnRequest {
    @NotNull @Positive public Long deviceId;

    @NotNull public ReturnReason reason;

    @Size(max = 500)
    public String note;
  }

  /** A voucher given back to the person, with the share it had paid of the device. */
  public record ReinstatedVoucher(String code, long appliedCents) {}

  /** Money given back by one means. */
  public record RefundView(PaymentMethod method, long amountCents) {}

  /** A return as API.md names it, with its credit note. */
  public record ReturnView(
      long id,
      long orderId,
      long deviceId,
      ReturnReason reason,
      String note,
      OffsetDateTime returnedAt,
      String creditNoteNumber,
      long amountCents,
      long vouchersReversedCents,
      List<ReinstatedVoucher> vouchersReinstated,
      List<RefundView> refunds) {

    static ReturnView of(SaleReturn r, Clock clock) {
      Map<PaymentMethod, Long> byMethod = new EnumMap<>(PaymentMethod.class);
      for (ReturnRefund refund : r.refunds()) {
        byMethod.merge(refund.method(), refund.amountCents(), Long::sum);
      }
      return new ReturnView(
          r.id(),
          r.orderId(),
          r.deviceId(),
          r.reason(),
          r.note(),
          CashSessionsResource.offset(r.returnedAt(), clock),
          r.creditNoteNumber(),
          r.priceCents(),
          r.voucherCents(),
          r.vouchers().stream()
              .filter(v -> v.reinstated())
              .map(v -> new ReinstatedVoucher(VoucherCode.group(v.code()), v.reversedCents()))
              .toList(),
          byMethod.entrySet().stream().map(e -> new RefundView(e.getKey(), e.getValue())).toList());
    }
  }

  @Inject Returns returns;
  @Inject CreditNoteRenderer creditNotes;
  @Inject Clock clock;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Roles.COUNTER)
  public Response create(@PathParam("id") long orderId, @NotNull @Valid ReturnRequest request) {
    SaleReturn created =
        returns.returnDevice(orderId, request.deviceId, request.reason, request.note);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(ReturnView.of(created, clock))
        .build();
  }

  @GET
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public List<ReturnView> list(@PathParam("id") long orderId) {
    return returns.list(orderId).stream().map(r -> ReturnView.of(r, clock)).toList();
  }

  @GET
  @Path("{returnId}")
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public ReturnView get(@PathParam("id") long orderId, @PathParam("returnId") long returnId) {
    return ReturnView.of(returns.get(orderId, returnId), clock);
  }

  @GET
  @Path("{returnId}/credit-note")
  @Produces("application/pdf")
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public Response creditNote(@PathParam("id") long orderId, @PathParam("returnId") long returnId) {
    Document document = creditNotes.forReturn(orderId, returnId);
    return Response.ok(document.pdf(), Document.PDF)
        .header("Content-Disposition", document.disposition("inline"))
        .build();
  }
}
