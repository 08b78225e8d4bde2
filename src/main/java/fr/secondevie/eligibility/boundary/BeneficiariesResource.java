package fr.secondevie.eligibility.boundary;

import fr.secondevie.eligibility.control.AttestationRenderer;
import fr.secondevie.eligibility.control.Beneficiaries;
import fr.secondevie.eligibility.control.Beneficiaries.Eligibility;
import fr.secondevie.eligibility.control.Needs;
import fr.secondevie.eligibility.entity.Beneficiary;
import fr.secondevie.eligibility.entity.BeneficiaryNeed;
import fr.secondevie.eligibility.entity.EligibilityDecision;
import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** People supported by social structures, their eligibility, attestation and data export. */
@Path("beneficiaries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BeneficiariesResource {

  /** A person to register: the structure's file reference, never a name. */
  public static class NewBeneficiary {
    @NotBlank
    @Size(max = 60)
    public String fileReference;

    @NotNull
    @Min(1)
    @Max(20)
    public Integer householdSize;

    @NotNull
    @Pattern(regexp = "\\d{5}", message = "must be five digits")
    public String postalCode;
  }

  /** A decision request: criteria ticked, proof seen, family quotient when it applies. */
  public static class DecisionRequest {
    @NotNull public List<@NotBlank String> criteria;

    @NotBlank
    @Size(max = 100)
    public String proofType;

    @NotNull public LocalDate proofDate;
    @PositiveOrZero public Long familyQuotientCents;

    /** Why, when no criterion is ticked: the decision is a refusal (API.md, second part). */
    @Size(max = 500)
    public String refusalReason;
  }

  /** Why an eligibility ends before its term. */
  public static class Revocation {
    @NotBlank
    @Size(max = 500)
    public String reason;
  }

  /**
   * The diagnosis form: uses from a fixed list (JOB_SEARCH, SCHOOL, ADMIN_PROCEDURES,
   * STAY_IN_TOUCH, TRAINING, HEALTH), the device category advised (or none), training and a
   * connection needed. No free text: no health detail is written down.
   */
  public static class NeedsRequest {
    @NotNull
    @Size(max = 6)
    public List<@NotNull @Size(max = 40) String> uses;

    @Size(max = 20)
    public String recommendedCategory;

    @NotNull public Boolean needsTraining;
    @NotNull public Boolean needsConnection;
  }

  /** The diagnosis as the social worker reads it back. */
  public record NeedsView(
      List<String> uses,
      String recommendedCategory,
      boolean needsTraining,
      boolean needsConnection,
      LocalDateTime diagnosedAt,
      LocalDateTime updatedAt,
      LocalDateTime equippedAt) {
    static NeedsView of(BeneficiaryNeed n) {
      return new NeedsView(
          n.uses().stream().map(Enum::name).toList(),
          n.recommendedCategory() == null ? null : n.recommendedCategory().name(),
          n.needsTraining(),
          n.needsConnection(),
          n.diagnosedAt(),
          n.updatedAt(),
          n.equippedAt());
    }
  }

  /** A person as its social structure sees it. */
  public record BeneficiaryView(
      String id,
      String displayId,
      String fileReference,
      Integer householdSize,
      String postalCode,
      LocalDateTime createdAt,
      LocalDateTime lastContactAt) {
    static BeneficiaryView of(Beneficiary b) {
      return new BeneficiaryView(
          b.id(),
          b.displayId(),
          b.fileReference(),
          b.householdSize(),
          b.postalCode(),
          b.createdAt(),
          b.lastContactAt());
    }
  }

  /** A decision as API.md describes it, with what led to it. */
  public record DecisionView(
      long id,
      String decision,
      Integer tier,
      LocalDate validUntil,
      String reason,
      int rulesVersion,
      List<String> criteria,
      String proofType,
      LocalDate proofDate,
      Long familyQuotientCents,
      String decidedBy,
      LocalDateTime decidedAt) {
    static DecisionView of(EligibilityDecision d) {
      return new DecisionView(
          d.id(),
          d.decision().name(),
          d.tier(),
          d.validUntil(),
          d.reason(),
          d.ruleSetVersion(),
          d.criteria(),
          d.proofType(),
          d.proofDate(),
          d.familyQuotientCents(),
          d.decidedBy(),
          d.decidedAt());
    }
  }

  /**
   * The counter's panel: nothing about the person but the outcome, the device category the social
   * worker advised and whether training is advised (never the uses).
   */
  public record EligibilityView(
      boolean eligible,
      Integer tier,
      LocalDate validUntil,
      int devicesLeft,
      Map<String, Integer> devicesLeftByCategory,
      String recommendedCategory,
      boolean needsTraining) {
    static EligibilityView of(Eligibility e) {
      Map<String, Integer> byName = new LinkedHashMap<>();
      e.devicesLeftByCategory().forEach((category, left) -> byName.put(category.name(), left));
      return new EligibilityView(
          e.eligible(),
          e.tier(),
          e.validUntil(),
          e.devicesLeft(),
          byName,
          e.recommendedCategory() == null ? null : e.recommendedCategory().name(),
          e.needsTraining());
    }
  }

  /** Everything held on a person (right of access, GDPR art. 15). */
  public record Export(
      BeneficiaryView beneficiary,
      List<DecisionView> decisions,
      EligibilityView eligibility,
      NeedsView needs) {}

  @Inject Beneficiaries beneficiaries;
  @Inject Needs needs;
  @Inject AttestationRenderer attestations;
  @Inject Caller caller;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public Response register(@Valid NewBeneficiary request) {
    Beneficiary created =
        beneficiaries.register(request.fileReference, request.householdSize, request.postalCode);
    return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
        .entity(BeneficiaryView.of(created))
        .build();
  }

  @GET
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public List<BeneficiaryView> list(@QueryParam("expiringWithinDays") Integer expiringWithinDays) {
    if (expiringWithinDays != null && (expiringWithinDays < 0 || expiringWithinDays > 366)) {
      throw BusinessException.badRequest(
          "INVALID_INPUT", "expiringWithinDays: a number of days from 0 to 366");
    }
    return (expiringWithinDays == null
            ? beneficiaries.listOfMyStructure()
            : beneficiaries.expiringWithin(expiringWithinDays).stream()
                .map(EligibilityDecision::beneficiary)
                .toList())
        .stream().map(BeneficiaryView::of).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public BeneficiaryView get(@PathParam("id") String id) {
    return BeneficiaryView.of(beneficiaries.ofMyStructure(id));
  }

  @POST
  @Path("{id}/eligibility-decisions")
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public Response decide(@PathParam("id") String id, @Valid DecisionRequest request) {
    EligibilityDecision decision =
        beneficiaries.decide(
            id,
            Set.copyOf(request.criteria),
            request.proofType,
            request.proofDate,
            request.familyQuotientCents,
            request.refusalReason);
    return Response.created(uri.getAbsolutePathBuilder().path(decision.id().toString()).build())
        .entity(DecisionView.of(decision))
        .build();
  }

  @POST
  @Path("{id}/eligibility-revocation")
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public DecisionView revoke(@PathParam("id") String id, @Valid Revocation request) {
    return DecisionView.of(beneficiaries.revoke(id, request.reason));
  }

  @GET
  @Path("{id}/eligibility-decisions")
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public List<DecisionView> decisions(@PathParam("id") String id) {
    return beneficiaries.decisions(beneficiaries.ofMyStructure(id).id()).stream()
        .map(DecisionView::of)
        .toList();
  }

  @GET
  @Path("{id}/eligibility")
  @RolesAllowed({Roles.COUNTER, Roles.SOCIAL_WORKER})
  public EligibilityView eligibility(@PathParam("id") String id) {
    return EligibilityView.of(beneficiaries.eligibility(id));
  }

  @GET
  @Path("{id}/attestation")
  @Produces("application/pdf")
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public Response attestation(@PathParam("id") String id) {
    Document attestation = attestations.forBeneficiary(id);
    return Response.ok(attestation.pdf(), Document.PDF)
        .header("Content-Disposition", attestation.disposition("inline"))
        .build();
  }

  @GET
  @Path("{id}/export")
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public Export export(@PathParam("id") String id) {
    Beneficiary beneficiary = beneficiaries.ofMyStructure(id);
    return new Export(
        BeneficiaryView.of(beneficiary),
        beneficiaries.decisions(beneficiary.id()).stream().map(DecisionView::of).toList(),
        EligibilityView.of(beneficiaries.eligibility(beneficiary.id())),
        needs.of(beneficiary.id()).map(NeedsView::of).orElse(null));
  }

  @PUT
  @Path("{id}/needs")
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public NeedsView diagnose(@PathParam("id") String id, @Valid NeedsRequest request) {
    return NeedsView.of(
        needs.diagnose(
            id,
            request.uses,
            request.recommendedCategory,
            request.needsTraining,
            request.needsConnection));
  }

  @GET
  @Path("{id}/needs")
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public NeedsView needsOf(@PathParam("id") String id) {
    return needs
        .of(id)
        .map(NeedsView::of)
        .orElseThrow(() -> BusinessException.notFound("Diagnosis"));
  }

  /** Runs the retention job now (it also runs every night). */
  @POST
  @Path("anonymisation")
  @RolesAllowed(Roles.ADMIN)
  public Map<String, Integer> anonymiseNow() {
    return Map.of("anonymised", beneficiaries.anonymiseInactiveOf(caller.territoryId()));
  }
}
