package fr.secondevie.devices.boundary;

import fr.secondevie.donations.control.Donations;
import fr.secondevie.donations.entity.Donation;
import fr.secondevie.donations.entity.DonationStatus;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The refurbisher's reception page: donations to collect, and the received ones to register. */
@Named
@RequestScoped
public class ReceptionBacking {

  @Inject Donations donations;

  private List<Donation> pledged;
  private List<Donation> received;

  @PostConstruct
  void load() {
    pledged = donations.visible(DonationStatus.PLEDGED);
    received = donations.visible(DonationStatus.RECEIVED).stream().limit(50).toList();
  }

  public String receive(long id) {
    try {
      donations.receive(id);
      PageMessages.info("workshop.received.done", id);
      PageMessages.keepForRedirect();
      return "/app/workshop/reception.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  public List<Donation> getPledged() {
    return pledged;
  }

  public List<Donation> getReceived() {
    return received;
  }
}
