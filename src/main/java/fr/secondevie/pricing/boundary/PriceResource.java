package fr.secondevie.pricing.boundary;

import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.pricing.control.PriceEngine.Quote;
import fr.secondevie.pricing.control.Pricing;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The solidarity price of a device for a person, explained in words the agent reads out. */
@Path("devices/{id}/price")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PriceResource {

  /** API.md's price answer. */
  public record PriceView(
      long listPriceCents, long solidarityPriceCents, int tier, Long capCents, String explanation) {
    static PriceView of(Quote q) {
      return new PriceView(
          q.listPrice().cents(),
          q.price().cents(),
          q.tier(),
          q.cap().map(c -> c.cents()).orElse(null),
          q.explanationText());
    }
  }

  @Inject Pricing pricing;

  @GET
  @RolesAllowed(Roles.COUNTER)
  public PriceView price(
      @PathParam("id") long deviceId, @QueryParam("beneficiaryId") String beneficiaryId) {
    if (beneficiaryId == null || beneficiaryId.isBlank()) {
      throw BusinessException.invalid("beneficiaryId", "beneficiaryId is required");
    }
    return PriceView.of(pricing.quote(deviceId, beneficiaryId));
  }
}
