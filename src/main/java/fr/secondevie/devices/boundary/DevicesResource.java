package fr.secondevie.devices.boundary;

import fr.secondevie.devices.boundary.DeviceViews.DeviceDetailView;
import fr.secondevie.devices.control.CatalogueQueries;
import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.DeviceStatus;
import fr.secondevie.devices.entity.ErasureMethod;
import fr.secondevie.devices.entity.Specs;
import fr.secondevie.platform.boundary.Bounded;
import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Set;

/**
 * A device: its public detail, the refurbisher's refurbishment and recycling, and its erasure
 * certificate.
 */
@Path("devices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DevicesResource {

  /** Specs as the refurbisher states them. */
  public record SpecsRequest(
      @Pattern(regexp = "(?s).{0,200}", message = "at most 200 characters") String cpu,
      @Bounded(min = 0, max = 4096) Integer ramGb,
      @Bounded(min = 0, max = 100_000) Integer storageGb,
      @Bounded(min = 1, max = 99) BigDecimal screenInches,
      @Pattern(regexp = "(?s).{0,100}", message = "at most 100 characters") String os) {}

  /** The erasure: NIST 800-88 method, tool, certificate id, date (ISO date or date-time). */
  public record ErasureRequest(
      ErasureMethod method,
      @Pattern(regexp = "(?s).{0,200}", message = "at most 200 characters") String tool,
      @Pattern(regexp = "(?s).{0,100}", message = "at most 100 characters") String certificateId,
      @Pattern(regexp = Timestamps.ISO, message = "must be an ISO-8601 date or date-time")
          String erasedAt) {}

  /** A refurbishment. */
  public record RefurbishmentRequest(
      @NotNull Grade grade,
      @Bounded(min = 0, max = 100) Integer batteryHealthPercent,
      @Valid SpecsRequest specs,
      @Valid ErasureRequest erasure,
      Boolean functionalTestsPassed,
      @NotNull Long relayId,
      @NotNull @Bounded Long listPriceCents,
      @Bounded(min = 0, max = 200) BigDecimal insertionHours) {}

  /** A recycling. */
  public record RecyclingRequest(
      @NotNull
          @Pattern(
              regexp = "(?s)\\s*\\S.{0,500}",
              message = "must not be blank, at most 500 characters")
          String reason) {}

  /** A new list price. */
  public record PriceRequest(@NotNull @Bounded Long listPriceCents) {}

  /** The new state after an act of the workshop. */
  public record StateView(long id, String serialNumber, String status) {
    static StateView of(Device d) {
      return new StateView(d.id(), d.serialNumber(), d.status().name());
    }
  }

  private static final Set<String> STAFF = Set.of(Roles.ADMIN, Roles.REFURBISHER, Roles.COUNTER);

  @Inject Workshop workshop;
  @Inject Traceability traceability;
  @Inject CatalogueQueries catalogue;
  @Inject Caller caller;

  /**
   * Public: a device on sale. Staff (admin, refurbisher, counter) see any status and the serial.
   */
  @GET
  @Path("{id}")
  @PermitAll
  public DeviceDetailView get(@PathParam("id") long id) {
    boolean staff = STAFF.stream().anyMatch(caller::hasRole);
    return catalogue
        .detail(id)
        .filter(d -> staff || d.status() == DeviceStatus.AVAILABLE)
        .map(d -> DeviceDetailView.of(d, staff))
        .orElseThrow(() -> BusinessException.notFound("Device"));
  }

  @POST
  @Path("{id}/refurbishment")
  @RolesAllowed(Roles.REFURBISHER)
  public StateView refurbish(@PathParam("id") long id, @Valid @NotNull RefurbishmentRequest r) {
    SpecsRequest s = r.specs();
    ErasureRequest e = r.erasure();
    return StateView.of(
        workshop.refurbish(
            id,
            new RefurbishmentOrder(
                r.grade(),
                r.batteryHealthPercent(),
                s == null
                    ? null
                    : new Specs(s.cpu(), s.ramGb(), s.storageGb(), s.screenInches(), s.os()),
                e == null ? null : e.method(),
                e == null ? null : e.tool(),
                e == null ? null : e.certificateId(),
                e == null ? null : Timestamps.parse(e.erasedAt()),
                Boolean.TRUE.equals(r.functionalTestsPassed()),
                r.relayId(),
                Money.ofCents(r.listPriceCents()),
                r.insertionHours())));
  }

  @POST
  @Path("{id}/recycling")
  @RolesAllowed(Roles.REFURBISHER)
  public StateView recycle(@PathParam("id") long id, @Valid @NotNull RecyclingRequest r) {
    return StateView.of(workshop.recycle(id, r.reason()));
  }

  /** Takes a device on sale back to the workshop, with the reason. */
  @POST
  @Path("{id}/withdrawal")
  @RolesAllowed(Roles.REFURBISHER)
  public StateView withdraw(@PathParam("id") long id, @Valid @NotNull RecyclingRequest r) {
    return StateView.of(workshop.withdraw(id, r.reason()));
  }

  /**
   * A new list price for a device on sale ({@code /price} is the solidarity price's quote, which
   * pricing answers).
   */
  @PUT
  @Path("{id}/list-price")
  @RolesAllowed(Roles.REFURBISHER)
  public StateView reprice(@PathParam("id") long id, @Valid @NotNull PriceRequest r) {
    return StateView.of(workshop.reprice(id, Money.ofCents(r.listPriceCents())));
  }

  /**
   * Deletes a device registered by mistake, before refurbishment (204); the reason is a query
   * parameter, as a DELETE carries no body.
   */
  @DELETE
  @Path("{id}")
  @RolesAllowed(Roles.REFURBISHER)
  public Response deleteMisScan(
      @PathParam("id") long id,
      @QueryParam("reason")
          @NotNull
          @Pattern(
              regexp = "(?s)\\s*\\S.{0,500}",
              message = "must not be blank, at most 500 characters")
          String reason) {
    workshop.deleteMisScan(id, reason.strip());
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/erasure-certificate")
  @Produces("application/pdf")
  @RolesAllowed({Roles.DONOR, Roles.REFURBISHER, Roles.ADMIN})
  public Response erasureCertificate(@PathParam("id") long id) {
    Document certificate = traceability.erasureCertificate(id);
    return Response.ok(certificate.pdf(), Document.PDF)
        .header("Content-Disposition", certificate.disposition("inline"))
        .build();
  }
}
