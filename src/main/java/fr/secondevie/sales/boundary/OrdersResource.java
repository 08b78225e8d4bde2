package fr.secondevie.sales.boundary;

import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.sales.control.CardPayments;
import fr.secondevie.sales.control.Checkout;
import fr.secondevie.sales.control.DaySales;
import fr.secondevie.sales.control.OrderOpening;
import fr.secondevie.sales.control.OrderPayments;
import fr.secondevie.sales.control.OrderSummary;
import fr.secondevie.sales.control.Orders;
import fr.secondevie.sales.control.SaleReceiptRenderer;
import fr.secondevie.sales.entity.PaymentMethod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.HashSet;
import java.util.List;

/**
 * Counter sales (API.md "Counter sales"): a counter opens an order for a person, puts vouchers on
 * it, takes the rest in cash or by card, completes or cancels it, and prints the receipt. Orders of
 * another relay are not found.
 *
 * <p>One instance serves every request (it holds nothing of a request; {@code uri} is Jersey's
 * proxy to the current request's): a request-scoped resource was built and injected anew for each
 * of the counter's four requests a sale, about a tenth of their server time
 * (src/test/bench/checkout-bench.sh).
 */
@Path("orders")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {

  /** A mediation service on an order. */
  public static class ServiceLine {
    @NotNull public Long serviceId;

    @NotNull
    @Min(1)
    @Max(20)
    public Integer quantity;
  }

  /** What the counter scanned: the person's attestation, the devices, the services. */
  public static class NewOrder {
    /** The person's attestation; none for an order of mediation services only. */
    @Size(max = 40)
    public String beneficiaryId;

    @Size(max = 20)
    public List<@NotNull Long> deviceIds = List.of();

    @Size(max = 20)
    public List<@NotNull @Valid ServiceLine> services = List.of();

    @JsonbTransient
    @AssertTrue(message = "an order sells at least one device or service")
    public boolean isSomethingToSell() {
      return (deviceIds != null && !deviceIds.isEmpty())
          || (services != null && !services.isEmpty());
    }

    @JsonbTransient
    @AssertTrue(message = "a device appears twice")
    public boolean isEachDeviceOnce() {
      return deviceIds == null || new HashSet<>(deviceIds).size() == deviceIds.size();
    }
  }

  /** A voucher code as typed or scanned. */
  public static class VoucherRequest {
    @NotBlank
    @Size(max = 40)
    public String code;
  }

  /** Cash or card, and how much. */
  public static class PaymentRequest {
    @NotNull public PaymentMethod method;

    @NotNull
    @Positive
    @Max(10_000_000)
    public Long amountCents;

    /** The relay's Terminal reader to take the card on (server-driven); none: a client secret. */
    @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9_]{1,100}")
    public String readerId;
  }

  /** A payment as API.md names it, with the order's new state. */
  public record PaymentView(
      long paymentId,
      String method,
      long amountCents,
      String status,
      String clientSecret,
      OrderSummary order,
      String readerId,
      String failureMessage) {

    static PaymentView of(OrderPayments.PaymentTaken taken) {
      var p = taken.payment();
      return new PaymentView(
          p.paymentId(),
          p.method(),
          p.amountCents(),
          p.status(),
          p.clientSecret(),
          taken.order(),
          p.readerId(),
          p.failureMessage());
    }
  }

  @Inject OrderOpening opening;
  @Inject Orders orders;
  @Inject Checkout checkout;
  @Inject CardPayments payments;
  @Inject DaySales sales;
  @Inject SaleReceiptRenderer receipts;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Roles.COUNTER)
  public Response open(@Valid NewOrder request) {
    OrderSummary order =
        opening.open(
            request.beneficiaryId,
            request.deviceIds == null ? List.of() : request.deviceIds,
            request.services == null
                ? List.of()
                : request.services.stream()
                    .map(s -> new OrderOpening.ServiceRequest(s.serviceId, s.quantity))
                    .toList());
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(order.id())).build())
        .entity(order)
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public OrderSummary read(@PathParam("id") long id) {
    return orders.read(id);
  }

  @POST
  @Path("{id}/vouchers")
  @RolesAllowed(Roles.COUNTER)
  public OrderSummary addVoucher(@PathParam("id") long id, @Valid VoucherRequest request) {
    return checkout.addVoucher(id, request.code);
  }

  @DELETE
  @Path("{id}/vouchers/{code}")
  @RolesAllowed(Roles.COUNTER)
  public OrderSummary removeVoucher(@PathParam("id") long id, @PathParam("code") String code) {
    return checkout.removeVoucher(id, code);
  }

  /**
   * Takes a line off an open order (beyond API.md): 200 the order; the line's device is on sale
   * again and the vouchers are checked again (one that pays nothing any more is given back). Not
   * open: 409 ORDER_NOT_OPEN; the only line: 409 LAST_LINE; paid by cash or card already: 409
   * LINE_ALREADY_PAID.
   */
  @DELETE
  @Path("{id}/lines/{lineNumber}")
  @RolesAllowed(Roles.COUNTER)
  public OrderSummary removeLine(
      @PathParam("id") long id, @PathParam("lineNumber") int lineNumber) {
    return checkout.removeLine(id, lineNumber);
  }

  @POST
  @Path("{id}/payments")
  @RolesAllowed(Roles.COUNTER)
  public Response pay(@PathParam("id") long id, @Valid PaymentRequest request) {
    if (request.readerId != null && request.method != PaymentMethod.CARD) {
      throw BusinessException.invalid("readerId", "only a card is taken on a reader");
    }
    OrderPayments.PaymentTaken taken =
        payments.pay(id, request.method, request.amountCents, request.readerId);
    return Response.status(Response.Status.CREATED).entity(PaymentView.of(taken)).build();
  }

  /**
   * Cancels a card payment waiting on its reader (API.md second part): the reader's action and the
   * intent are cancelled, the payment is FAILED (SUCCEEDED if the card was charged just before).
   * Not a payment on a reader: 409 PAYMENT_NOT_ON_READER.
   */
  @POST
  @Path("{id}/payments/{paymentId}/cancellation")
  @RolesAllowed(Roles.COUNTER)
  public PaymentView cancelPayment(
      @PathParam("id") long id, @PathParam("paymentId") long paymentId) {
    return PaymentView.of(payments.cancelOnReader(id, paymentId));
  }

  /**
   * The day's orders of the counter's relay (API.md second part, "Day's sales"): {@code date} as
   * yyyy-MM-dd (default today), {@code status} OPEN, PAID, CANCELLED or EXPIRED (default all).
   */
  @GET
  @RolesAllowed(Roles.COUNTER)
  public List<OrderSummary> day(
      @QueryParam("date") String date, @QueryParam("status") String status) {
    return sales.of(date, status).orders();
  }

  @POST
  @Path("{id}/completion")
  @RolesAllowed(Roles.COUNTER)
  public OrderSummary complete(@PathParam("id") long id) {
    return checkout.complete(id);
  }

  @POST
  @Path("{id}/cancellation")
  @RolesAllowed(Roles.COUNTER)
  public OrderSummary cancel(@PathParam("id") long id) {
    return payments.cancel(id);
  }

  @GET
  @Path("{id}/receipt")
  @Produces("application/pdf")
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public Response receipt(@PathParam("id") long id) {
    Document document = receipts.forOrder(id);
    return Response.ok(document.pdf(), Document.PDF)
        .header("Content-Disposition", document.disposition("inline"))
        .build();
  }
}
