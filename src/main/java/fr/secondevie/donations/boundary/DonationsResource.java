package fr.secondevie.donations.boundary;

import fr.secondevie.donations.control.Donations;
import fr.secondevie.donations.entity.Donation;
import fr.secondevie.donations.entity.DonationItem;
import fr.secondevie.donations.entity.DonationStatus;
import fr.secondevie.platform.boundary.Bounded;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Donations of API.md: a donor pledges (the answer names the workshop the lot is routed to, or
 * null), the workshop receives, the coordination assigns what no workshop fits; each sees what it
 * may.
 */
@Path("donations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DonationsResource {

  /** A line of a pledge. */
  public record ItemRequest(
      @NotNull DeviceCategory category,
      @NotNull @Bounded(min = 1, max = 10_000) Integer quantity,
      @Pattern(regexp = "(?s).{0,500}", message = "at most 500 characters") String description,
      @NotNull @Bounded Long unitValueCents) {}

  /** A pledge: the lines, where and from when the lot can be collected. */
  public record PledgeRequest(
      @NotNull @Bounded(min = 1, max = 50) List<@Valid @NotNull ItemRequest> items,
      @NotNull
          @Pattern(
              regexp = "(?s)\\s*\\S.{0,300}",
              message = "must not be blank, at most 300 characters")
          String pickupAddress,
      @NotNull LocalDate availableFrom) {}

  /** A line as stored. */
  public record ItemView(String category, int quantity, String description, long unitValueCents) {}

  /** The donor company, by id and name. */
  public record DonorView(long id, String name) {}

  /** The workshop the coordination gives a lot to. */
  public record AssignmentRequest(@NotNull @Bounded(min = 1) Long workshopId) {}

  /**
   * A donation as its donor, the refurbisher and the admin see it. Its workshop is {@code
   * {"id","name"}}, or an explicit {@code null} while no workshop has the lot (a JSON value: the
   * server's JSON-B leaves out null properties, annotated or not).
   */
  public record DonationView(
      long id,
      String status,
      DonorView donor,
      boolean publicOrigin,
      List<ItemView> items,
      int quantity,
      long totalValueCents,
      String pickupAddress,
      LocalDate availableFrom,
      LocalDateTime pledgedAt,
      LocalDateTime receivedAt,
      JsonValue workshop) {

    static DonationView of(Donation d) {
      return new DonationView(
          d.id(),
          d.status().name(),
          new DonorView(d.donor().id(), d.donor().name()),
          d.publicOrigin(),
          d.items().stream()
              .map(
                  i ->
                      new ItemView(
                          i.category().name(),
                          i.quantity(),
                          i.description(),
                          i.unitValue().cents()))
              .toList(),
          d.pledgedQuantity(),
          d.totalValue().cents(),
          d.pickupAddress(),
          d.availableFrom(),
          d.pledgedAt(),
          d.receivedAt(),
          d.workshop() == null
              ? JsonValue.NULL
              : Json.createObjectBuilder()
                  .add("id", d.workshop().id())
                  .add("name", d.workshop().name())
                  .build());
    }
  }

  @Inject Donations donations;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Roles.DONOR)
  public Response pledge(@Valid @NotNull PledgeRequest r) {
    Donation created =
        donations.pledge(
            r.items().stream()
                .map(
                    i ->
                        new DonationItem(
                            i.category(),
                            i.quantity(),
                            i.description(),
                            Money.ofCents(i.unitValueCents())))
                .toList(),
            r.pickupAddress(),
            r.availableFrom());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(DonationView.of(created))
        .build();
  }

  @GET
  @RolesAllowed({Roles.DONOR, Roles.REFURBISHER, Roles.ADMIN})
  public List<DonationView> list(
      @QueryParam("status") @Pattern(regexp = "PLEDGED|RECEIVED") String status) {
    return donations.visible(status == null ? null : DonationStatus.valueOf(status)).stream()
        .map(DonationView::of)
        .toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Roles.DONOR, Roles.REFURBISHER, Roles.ADMIN})
  public DonationView get(@PathParam("id") long id) {
    return DonationView.of(donations.get(id));
  }

  /** The lots of the admin's territory that no workshop took, to assign them. */
  @GET
  @Path("unassigned")
  @RolesAllowed(Roles.ADMIN)
  public List<DonationView> unassigned() {
    return donations.unassigned().stream().map(DonationView::of).toList();
  }

  @POST
  @Path("{id}/assignment")
  @RolesAllowed(Roles.ADMIN)
  public DonationView assign(@PathParam("id") long id, @Valid @NotNull AssignmentRequest r) {
    return DonationView.of(donations.assign(id, r.workshopId()));
  }

  @POST
  @Path("{id}/reception")
  @RolesAllowed(Roles.REFURBISHER)
  public DonationView receive(@PathParam("id") long id) {
    return DonationView.of(donations.receive(id));
  }
}
