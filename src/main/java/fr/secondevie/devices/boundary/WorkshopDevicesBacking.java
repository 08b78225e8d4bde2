package fr.secondevie.devices.boundary;

import fr.secondevie.devices.entity.Device;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The devices waiting in the workshop, each with its refurbishment form. */
@Named
@RequestScoped
public class WorkshopDevicesBacking {

  @Inject Workshop workshop;

  private List<Device> devices;

  @PostConstruct
  void load() {
    devices = workshop.inWorkshop();
  }

  public List<Device> getDevices() {
    return devices;
  }
}
