package fr.secondevie.devices.boundary;

import fr.secondevie.devices.entity.Device;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The devices waiting in the workshop, each with its refurbishment form, and the deletion of one
 * registered by mistake (scanned twice, the wrong lot) instead of recycling it, which would count
 * in the donor's and the public impact.
 */
@Named
@RequestScoped
public class WorkshopDevicesBacking {

  @Inject Workshop workshop;

  private List<Device> devices;
  private List<Device> returned;

  @PostConstruct
  void load() {
    devices = workshop.inWorkshop();
    returned = workshop.returned();
  }

  /** The devices brought back to the relays, with their reason, to refurbish again or recycle. */
  public List<Device> getReturned() {
    return returned;
  }

  public List<Device> getDevices() {
    return devices;
  }

  /** Whether the row offers "delete, registered by mistake". */
  public boolean deletable(Device device) {
    return device.isMisScan();
  }

  public String deleteMisScan() {
    String id =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("device");
    try {
      Device device =
          workshop.get(id == null || !id.matches("\\d{1,18}") ? -1 : Long.parseLong(id));
      workshop.deleteMisScan(device.id(), "Enregistré par erreur (atelier)");
      PageMessages.info("devices.deleted", device.serialNumber());
      PageMessages.keepForRedirect();
      return "/app/workshop/devices.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }
}
