package fr.secondevie.devices.boundary;

import fr.secondevie.devices.boundary.DeviceViews.CatalogueItemView;
import fr.secondevie.devices.control.CatalogueFilter;
import fr.secondevie.devices.control.CataloguePage;
import fr.secondevie.devices.control.CatalogueQueries;
import fr.secondevie.organisations.control.Territories;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.boundary.Bounded;
import fr.secondevie.platform.boundary.NameOf;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;

/**
 * The public catalogue (no login): devices on sale, filtered by category, grade, relay, territory
 * (its code or id; default all) and free text, newest first, in pages numbered from 0 ({@code size}
 * 1 to 100, default 20).
 */
@Path("catalogue")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueResource {

  /** One page and the number of matching devices. */
  public record CataloguePageView(List<CatalogueItemView> items, long total, int page, int size) {}

  /**
   * The query parameters, validated as one bean (constraints on the parameters themselves would
   * break Payara's OpenAPI generation, which takes every validated parameter for a path one).
   */
  public record CatalogueQuery(
      @NameOf(DeviceCategory.class) String category,
      @NameOf(Grade.class) String grade,
      @Bounded(min = 1) Long relay,
      @Pattern(regexp = "(?s).{0,100}", message = "at most 100 characters") String q,
      @Bounded(min = 0, max = 100_000) int page,
      @Bounded(min = 1, max = CatalogueFilter.MAX_SIZE) int size,
      @Pattern(regexp = "[A-Za-z0-9]{1,18}", message = "a territory's code or id")
          String territory) {

    CatalogueFilter filter(Long territoryId) {
      return new CatalogueFilter(
          DeviceCategory.named(category).orElse(null),
          Grade.named(grade).orElse(null),
          relay,
          q,
          page,
          size,
          territoryId);
    }
  }

  @Inject CatalogueQueries catalogue;
  @Inject Territories territories;
  @Inject Validator validator;

  @GET
  @PermitAll
  public CataloguePageView search(
      @QueryParam("category") String category,
      @QueryParam("grade") String grade,
      @QueryParam("relay") Long relay,
      @QueryParam("q") String q,
      @QueryParam("page") @DefaultValue("0") int page,
      @QueryParam("size") @DefaultValue("20") int size,
      @QueryParam("territory") String territory) {
    CatalogueQuery query = new CatalogueQuery(category, grade, relay, q, page, size, territory);
    Set<ConstraintViolation<CatalogueQuery>> violations = validator.validate(query);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    CataloguePage result =
        catalogue.page(query.filter(territories.named(territory).map(Territory::id).orElse(null)));
    return new CataloguePageView(
        result.items().stream().map(CatalogueItemView::of).toList(),
        result.total(),
        result.page(),
        result.size());
  }
}
