package fr.secondevie.devices.boundary;

import fr.secondevie.devices.boundary.DeviceViews.DeviceView;
import fr.secondevie.devices.entity.Device;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Intake: the refurbisher registers each device of a received donation by its serial number. */
@Path("donations/{donationId}/devices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DonationDevicesResource {

  /** A scanned device. */
  public record IntakeRequest(
      @NotNull
          @Pattern(
              regexp = "\\s*[A-Za-z0-9][A-Za-z0-9._/-]{2,63}\\s*",
              message = "3 to 64 letters, digits, . _ / -")
          String serialNumber,
      @NotNull DeviceCategory category,
      @Pattern(regexp = "(?s).{0,100}", message = "at most 100 characters") String brand,
      @Pattern(regexp = "(?s).{0,200}", message = "at most 200 characters") String model) {}

  @Inject Workshop workshop;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Roles.REFURBISHER)
  public Response register(
      @PathParam("donationId") long donationId, @Valid @NotNull IntakeRequest r) {
    Device device =
        workshop.register(donationId, r.serialNumber(), r.category(), r.brand(), r.model());
    UriBuilder location = uri.getBaseUriBuilder().path("devices").path(device.id().toString());
    return Response.created(location.build()).entity(DeviceView.of(device)).build();
  }

  @GET
  @RolesAllowed(Roles.REFURBISHER)
  public List<DeviceView> list(@PathParam("donationId") long donationId) {
    return workshop.ofDonation(donationId).stream().map(DeviceView::of).toList();
  }
}
