package fr.secondevie.devices.boundary;

import fr.secondevie.devices.boundary.CatalogueFragments.Part;
import fr.secondevie.platform.boundary.I18n;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumMap;
import java.util.Map;

/**
 * The public catalogue page: a GET form (the filters are query parameters, so a result page can be
 * bookmarked and shared), one page of devices, links to the neighbouring pages. Stateless: nothing
 * is kept between requests. What changes from one visit to another comes from {@link
 * CatalogueFragments}; when {@link CataloguePageCache} asks for the page's frame, each fragment is
 * only marked.
 */
@Named
@RequestScoped
public class CatalogueBacking {

  @Inject HttpServletRequest request;
  @Inject CatalogueFragments fragments;
  @Inject I18n i18n;

  private Map<Part, String> parts;

  @PostConstruct
  void load() {
    FacesContext.getCurrentInstance().getViewRoot().setTransient(true);
    if (request.getAttribute(CataloguePageCache.FRAME) != null) {
      parts = new EnumMap<>(Part.class);
      for (Part part : Part.values()) {
        parts.put(part, CatalogueFragments.mark(part));
      }
    } else {
      parts = fragments.of(CatalogueParams.of(request), i18n.getLocale(), request.getContextPath());
    }
  }

  public String getCategoryOptions() {
    return parts.get(Part.CATEGORIES);
  }

  public String getGradeOptions() {
    return parts.get(Part.GRADES);
  }

  public String getTerritoryOptions() {
    return parts.get(Part.TERRITORIES);
  }

  public String getRelayOptions() {
    return parts.get(Part.RELAYS);
  }

  /** The search field with the word searched, escaped. */
  public String getSearchField() {
    return parts.get(Part.WORD);
  }

  /** "12 appareils trouvés", escaped. */
  public String getCountText() {
    return parts.get(Part.COUNT);
  }

  /** The note that nothing matches, or nothing. */
  public String getNoneHtml() {
    return parts.get(Part.NONE);
  }

  /** The device cards of this page as HTML. */
  public String getCardsHtml() {
    return parts.get(Part.CARDS);
  }

  /** The pager as HTML, or nothing when one page holds every device found. */
  public String getPagerHtml() {
    return parts.get(Part.PAGER);
  }
}
