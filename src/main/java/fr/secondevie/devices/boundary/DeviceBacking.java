package fr.secondevie.devices.boundary;

import fr.secondevie.devices.control.CatalogueFilter;
import fr.secondevie.devices.control.CatalogueIndex;
import fr.secondevie.devices.control.CatalogueItem;
import fr.secondevie.devices.control.CatalogueQueries;
import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.DeviceStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The public detail page of a device on sale. A device sold or withdrawn since is "no longer on
 * sale", with similar ones; an unknown one is not found (404 both).
 */
@Named
@RequestScoped
public class DeviceBacking {

  @Inject HttpServletRequest request;
  @Inject CatalogueQueries catalogue;

  @Inject CatalogueIndex index;

  private Device device;
  private boolean noLongerOnSale;
  private List<CatalogueItem> similar = List.of();

  @PostConstruct
  void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getViewRoot().setTransient(true);
    String id = request.getParameter("id");
    Optional<Device> known =
        id != null && id.matches("\\d{1,18}")
            ? catalogue.detail(Long.parseLong(id))
            : Optional.empty();
    device = known.filter(d -> d.status() == DeviceStatus.AVAILABLE).orElse(null);
    if (device == null) {
      faces.getExternalContext().setResponseStatus(404);
      // a device sold or withdrawn since the visitor found it: say so kindly, and show others
      noLongerOnSale = known.isPresent();
      similar =
          index
              .page(
                  new CatalogueFilter(
                      known.map(Device::category).orElse(null), null, null, null, 0, 4))
              .items();
    }
  }

  public boolean isNoLongerOnSale() {
    return noLongerOnSale;
  }

  /** Up to four devices on sale of the same category (of any, for an unknown device). */
  public List<CatalogueItem> getSimilar() {
    return similar;
  }

  /** Back to the catalogue with the filters and page the visitor came from. */
  public String getBackUrl() {
    CatalogueParams params = CatalogueParams.of(request);
    StringBuilder url =
        params.filters(
            new StringBuilder(request.getContextPath()).append("/catalogue/index.xhtml?"));
    if (params.page() != null) {
      url.append("page=").append(params.page());
    }
    char last = url.charAt(url.length() - 1);
    return last == '&' || last == '?' ? url.substring(0, url.length() - 1) : url.toString();
  }

  public Device getDevice() {
    return device;
  }

  public int getWarrantyMonths() {
    return Device.WARRANTY_MONTHS;
  }

  public String getErasedOn() {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return device == null || device.erasure() == null
        ? ""
        : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(device.erasure().erasedAt());
  }
}
