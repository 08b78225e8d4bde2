package fr.secondevie.payments.boundary;

import fr.secondevie.payments.control.CardReaders;
import fr.secondevie.payments.entity.CardReader;
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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * A relay's card readers (API.md second part, "Card readers"): registered with Stripe Terminal by
 * the code the reader displays, listed with the status Stripe gives. A counter manages its own
 * relay's, an admin those of its territory; another relay is not found.
 */
@Path("relays/{id}/readers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReadersResource {

  /** The code the reader displays, and a name for the counter. */
  public record Registration(
      @NotNull
          @Pattern(
              regexp = "[A-Za-z0-9-]{3,60}",
              message = "the code the reader displays: letters, digits and dashes")
          String registrationCode,
      @NotNull
          @Pattern(
              regexp = "(?s)\\s*\\S.{0,59}",
              message = "must not be blank, at most 60 characters")
          String label) {}

  /** A reader as API.md names it. */
  public record ReaderView(
      String id, String label, String status, String deviceType, String serialNumber) {
    public static ReaderView of(CardReader r) {
      return new ReaderView(
          r.id(),
          r.label(),
          r.status() == null ? "unknown" : r.status(),
          r.deviceType(),
          r.serialNumber());
    }
  }

  @Inject CardReaders readers;
  @Context UriInfo uri;

  @POST
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public Response register(@PathParam("id") long relayId, @Valid @NotNull Registration r) {
    CardReader reader = readers.register(relayId, r.registrationCode(), r.label());
    return Response.created(uri.getAbsolutePathBuilder().path(reader.id()).build())
        .entity(ReaderView.of(reader))
        .build();
  }

  @GET
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public List<ReaderView> list(@PathParam("id") long relayId) {
    return readers.list(relayId).stream().map(ReaderView::of).toList();
  }

  @GET
  @Path("{readerId}")
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public ReaderView get(@PathParam("id") long relayId, @PathParam("readerId") String readerId) {
    return ReaderView.of(readers.get(relayId, readerId));
  }
}
