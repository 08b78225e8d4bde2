package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Joining;
import fr.secondevie.organisations.control.Joining.Application;
import fr.secondevie.organisations.control.Joining.Approval;
import fr.secondevie.organisations.entity.MembershipRequest;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.platform.security.SignUpThrottle;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Joining the chain: anyone asks (public, throttled per client address as logins are), the
 * coordination of the request's territory approves or refuses.
 */
@Path("membership-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembershipRequestsResource {

  /**
   * A name that no spreadsheet would run as a formula: it does not start with = + - @ (nor a tab or
   * a carriage return), so that it stays a name in every CSV cell it reaches, the API's included.
   */
  static final String PLAIN_NAME = "(?s)[^=+\\-@\\t\\r].*";

  static final String NOT_A_FORMULA = "must not start with = + - @";

  /** What an organisation says of itself when it asks to join. */
  public static class MembershipRequestBody {
    @NotNull public Kind kind;

    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = PLAIN_NAME, message = NOT_A_FORMULA)
    public String name;

    @Pattern(regexp = "\\d{9}", message = "must be nine digits")
    public String siren;

    @Size(max = 300)
    public String address;

    @NotNull
    @Pattern(regexp = "\\d{5}", message = "must be five digits")
    public String postalCode;

    @NotBlank
    @Size(max = 100)
    @Pattern(regexp = PLAIN_NAME, message = NOT_A_FORMULA)
    public String city;

    @NotBlank
    @Size(max = 200)
    @Pattern(regexp = PLAIN_NAME, message = NOT_A_FORMULA)
    public String contactName;

    @NotBlank
    @Email
    @Size(max = 254)
    public String contactEmail;

    public Boolean publicBody;
  }

  /** The kinds of organisation that may ask to join (a coordination is named, it does not ask). */
  public enum Kind {
    COMPANY,
    REFURBISHER,
    RELAY,
    SOCIAL_STRUCTURE,
    AUTHORITY
  }

  /** A refusal. */
  public static class RefusalBody {
    @NotBlank
    @Size(max = 500)
    public String reason;
  }

  /** What the asker is told: the request is received and goes to that territory. */
  public record Received(long id, String status, long territoryId) {}

  /** A request as its coordination reads it. */
  public record RequestView(
      long id,
      String status,
      String kind,
      String name,
      String siren,
      String address,
      String postalCode,
      String city,
      String contactName,
      String contactEmail,
      boolean publicBody,
      long territoryId,
      OffsetDateTime requestedAt,
      OffsetDateTime decidedAt,
      String decidedBy,
      String refusalReason,
      Long organisationId) {
    static RequestView of(MembershipRequest r) {
      return new RequestView(
          r.id(),
          r.status().name(),
          r.kind().name(),
          r.name(),
          r.siren(),
          r.address(),
          r.postalCode(),
          r.city(),
          r.contactName(),
          r.contactEmail(),
          r.publicBody(),
          r.territoryId(),
          Moments.of(r.requestedAt()),
          Moments.of(r.decidedAt()),
          r.decidedBy(),
          r.refusalReason(),
          r.organisationId());
    }
  }

  /** The link of the first account, to hand over when no e-mail goes out. */
  public record ActivationView(String username, String link) {}

  /** An approval's answer. */
  public record ApprovalView(
      long id, String status, long organisationId, ActivationView activation) {
    static ApprovalView of(Approval a) {
      return new ApprovalView(
          a.request().id(),
          a.request().status().name(),
          a.organisation().id(),
          new ActivationView(a.username(), a.link()));
    }
  }

  @Inject Joining joining;
  @Inject SignUpThrottle throttle;
  @Inject Caller caller;
  @Context UriInfo uri;
  @Context HttpServletRequest request;

  @POST
  @PermitAll
  public Response apply(@Valid @NotNull MembershipRequestBody b) {
    throttle.admit(request);
    MembershipRequest created =
        joining.apply(
            new Application(
                OrganisationKind.valueOf(b.kind.name()),
                b.name,
                b.siren,
                b.address,
                b.postalCode,
                b.city,
                b.contactName,
                b.contactEmail,
                Boolean.TRUE.equals(b.publicBody)));
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(new Received(created.id(), created.status().name(), created.territoryId()))
        .build();
  }

  @GET
  @RolesAllowed(Roles.ADMIN)
  public List<RequestView> list() {
    return joining.ofTerritory(caller.territoryId()).stream().map(RequestView::of).toList();
  }

  @POST
  @Path("{id}/approval")
  @RolesAllowed(Roles.ADMIN)
  public ApprovalView approve(@PathParam("id") long id) {
    return ApprovalView.of(joining.approve(id, caller.get(), Links.base(uri)));
  }

  @POST
  @Path("{id}/refusal")
  @RolesAllowed(Roles.ADMIN)
  public RequestView refuse(@PathParam("id") long id, @Valid @NotNull RefusalBody b) {
    return RequestView.of(joining.refuse(id, b.reason, caller.get()));
  }
}
