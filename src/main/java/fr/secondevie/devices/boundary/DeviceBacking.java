package fr.secondevie.devices.boundary;

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
import java.util.Locale;

/** The public detail page of a device on sale; anything else is "not found". */
@Named
@RequestScoped
public class DeviceBacking {

  @Inject HttpServletRequest request;
  @Inject CatalogueQueries catalogue;

  private Device device;

  @PostConstruct
  void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.getViewRoot().setTransient(true);
    String id = request.getParameter("id");
    if (id != null && id.matches("\\d{1,18}")) {
      device =
          catalogue
              .detail(Long.parseLong(id))
              .filter(d -> d.status() == DeviceStatus.AVAILABLE)
              .orElse(null);
    }
    if (device == null) {
      faces.getExternalContext().setResponseStatus(404);
    }
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
