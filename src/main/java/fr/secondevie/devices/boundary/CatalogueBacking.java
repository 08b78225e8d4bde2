package fr.secondevie.devices.boundary;

import fr.secondevie.devices.control.CatalogueFilter;
import fr.secondevie.devices.control.CataloguePage;
import fr.secondevie.devices.control.CatalogueQueries;
import fr.secondevie.organisations.control.Relays;
import fr.secondevie.organisations.control.Territories;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The public catalogue page: a GET form (the filters are query parameters, so a result page can be
 * bookmarked and shared), one page of devices, links to the neighbouring pages. Stateless: nothing
 * is kept between requests.
 */
@Named
@RequestScoped
public class CatalogueBacking {

  /** An option of a filter, selected or not. */
  public record Option(String value, String label, boolean selected) {}

  @Inject HttpServletRequest request;
  @Inject CatalogueQueries catalogue;
  @Inject Relays relays;
  @Inject Territories territories;

  private CatalogueParams params;
  private List<Territory> territoryList;
  private CataloguePage page;
  private List<Organisation> relayList;

  @PostConstruct
  void load() {
    FacesContext.getCurrentInstance().getViewRoot().setTransient(true);
    params = CatalogueParams.of(request);
    territoryList = territories.forPages();
    Optional<Territory> territory =
        territoryList.stream().filter(t -> t.code().equals(params.territory())).findFirst();
    Long asked = params.page();
    int pageNumber = asked == null ? 0 : (int) Math.min(asked - 1, 100_000);
    page =
        catalogue.page(
            new CatalogueFilter(
                params.category(),
                params.grade(),
                params.relay(),
                params.q(),
                Math.max(pageNumber, 0),
                12,
                territory.map(Territory::id).orElse(null)));
    relayList = relays.of(territory);
  }

  public List<Option> getTerritories() {
    return territoryList.stream()
        .map(t -> new Option(t.code(), t.name(), t.code().equals(params.territory())))
        .toList();
  }

  public CataloguePage getPage() {
    return page;
  }

  public List<Option> getCategories() {
    return Arrays.stream(DeviceCategory.values())
        .map(c -> new Option(c.name(), "category." + c.name(), c == params.category()))
        .toList();
  }

  public List<Option> getGrades() {
    return Arrays.stream(Grade.values())
        .map(g -> new Option(g.name(), "grade." + g.name(), g == params.grade()))
        .toList();
  }

  public List<Option> getRelays() {
    return relayList.stream()
        .map(
            r ->
                new Option(
                    r.id().toString(),
                    r.name() + " (" + r.city() + ")",
                    r.id().equals(params.relay())))
        .toList();
  }

  public String getQ() {
    return params.q();
  }

  /** Human page number (from 1). */
  public int getPageNumber() {
    return page.page() + 1;
  }

  public int getPageCount() {
    return Math.max(page.pageCount(), 1);
  }

  /**
   * A device's page, carrying the current filters and page so that its "back to the catalogue"
   * comes back to the same list.
   */
  public String deviceUrl(long id) {
    return request.getContextPath()
        + "/catalogue/device.xhtml?id="
        + id
        + "&"
        + params.filters(new StringBuilder()).append("page=").append(getPageNumber());
  }

  /** The URL of the catalogue page {@code number} (from 1) with the current filters. */
  public String pageUrl(int number) {
    StringBuilder url =
        params.filters(
            new StringBuilder(request.getContextPath()).append("/catalogue/index.xhtml?"));
    return url.append("page=").append(number).toString();
  }
}
