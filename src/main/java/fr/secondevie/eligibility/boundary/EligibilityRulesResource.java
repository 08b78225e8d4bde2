package fr.secondevie.eligibility.boundary;

import fr.secondevie.eligibility.control.RulesBook;
import fr.secondevie.eligibility.entity.RuleSet;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.time.LocalDateTime;
import java.util.List;

/** The eligibility rules as data: read by social workers, versioned by the admin. */
@Path("eligibility-rules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EligibilityRulesResource {

  /** A criterion and its tier. */
  public static class CriterionInput {
    @NotBlank public String code;

    @NotNull
    @Min(1)
    @Max(3)
    public Integer tier;
  }

  /** A family-quotient threshold and its tier. */
  public static class QuotientInput {
    @NotNull
    @Min(1)
    public Long maxCents;

    @NotNull
    @Min(1)
    @Max(3)
    public Integer tier;
  }

  /** A quota of devices of one category. */
  public static class QuotaInput {
    @NotBlank public String category;

    @NotNull
    @Min(0)
    @Max(10)
    public Integer quantity;
  }

  /** A new version of the rules. */
  public static class RulesInput {
    @NotNull
    @Min(1)
    @Max(36)
    public Integer validityMonths;

    @NotNull
    @Min(1)
    @Max(60)
    public Integer quotaPeriodMonths;

    @NotNull
    @Min(1)
    @Max(24)
    public Integer proofMaxAgeMonths;

    @NotNull public List<@Valid CriterionInput> criteria;
    @NotNull public List<@Valid QuotientInput> familyQuotientTiers;
    @NotNull public List<@Valid QuotaInput> quotas;

    @Size(max = 500)
    public String note;
  }

  /** A version of the rules. */
  public record RulesView(
      int version,
      int validityMonths,
      int quotaPeriodMonths,
      int proofMaxAgeMonths,
      List<CriterionView> criteria,
      List<QuotientView> familyQuotientTiers,
      List<QuotaView> quotas,
      String createdBy,
      LocalDateTime createdAt,
      String note) {
    static RulesView of(RuleSet r) {
      return new RulesView(
          r.version(),
          r.validityMonths(),
          r.quotaPeriodMonths(),
          r.proofMaxAgeMonths(),
          r.criteria().stream().map(c -> new CriterionView(c.code(), c.tier())).toList(),
          r.quotientTiers().stream().map(q -> new QuotientView(q.maxCents(), q.tier())).toList(),
          r.quotas().stream().map(q -> new QuotaView(q.category().name(), q.quantity())).toList(),
          r.createdBy(),
          r.createdAt(),
          r.note());
    }
  }

  /** A criterion and its tier. */
  public record CriterionView(String code, int tier) {}

  /** A family-quotient threshold. */
  public record QuotientView(long maxCents, int tier) {}

  /** A quota. */
  public record QuotaView(String category, int quantity) {}

  @Inject RulesBook rules;
  @Context UriInfo uri;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.SOCIAL_WORKER})
  public RulesView current() {
    return RulesView.of(rules.current());
  }

  @GET
  @Path("versions")
  @RolesAllowed(Roles.ADMIN)
  public List<RulesView> history() {
    return rules.history().stream().map(RulesView::of).toList();
  }

  @GET
  @Path("versions/{version}")
  @RolesAllowed({Roles.ADMIN, Roles.SOCIAL_WORKER})
  public RulesView version(@PathParam("version") int version) {
    return RulesView.of(rules.version(version));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response publish(@Valid RulesInput input) {
    RuleSet published =
        rules.publish(
            new RulesBook.Draft(
                input.validityMonths,
                input.quotaPeriodMonths,
                input.proofMaxAgeMonths,
                input.criteria.stream()
                    .map(c -> new RuleSet.CriterionTier(c.code, c.tier))
                    .toList(),
                input.familyQuotientTiers.stream()
                    .map(q -> new RuleSet.QuotientTier(q.maxCents, q.tier))
                    .toList(),
                input.quotas.stream()
                    .map(q -> new RuleSet.Quota(category(q.category), q.quantity))
                    .toList(),
                input.note));
    return Response.created(
            uri.getAbsolutePathBuilder().path("versions/" + published.version()).build())
        .entity(RulesView.of(published))
        .build();
  }

  /** A quota's category, refused as the rules' other mistakes are (422 INVALID_RULES). */
  private static DeviceCategory category(String name) {
    return DeviceCategory.named(name)
        .orElseThrow(
            () -> BusinessException.unprocessable("INVALID_RULES", "unknown category " + name));
  }
}
