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
import java.util.Map;

/**
 * The refurbisher's reception page: donations to collect with their pledged lines, and the received
 * ones to register with how many of the pledged devices are registered.
 */
@Named
@RequestScoped
public class ReceptionBacking {

  @Inject Donations donations;
  @Inject Workshop workshop;

  private List<Donation> pledged;
  private List<Donation> received;
  private Map<Long, Long> takenIn;

  @PostConstruct
  void load() {
    pledged = donations.visible(DonationStatus.PLEDGED);
    received = donations.visible(DonationStatus.RECEIVED).stream().limit(50).toList();
    takenIn = workshop.takenIn(received.stream().map(Donation::id).toList());
  }

  /** "3 enregistrés sur 5 promis, il en manque 2": the received donation's count check. */
  public String countOf(Donation donation) {
    long registered = takenIn.getOrDefault(donation.id(), 0L);
    int pledged = donation.pledgedQuantity();
    return registered < pledged
        ? PageMessages.text("workshop.count.missing", registered, pledged, pledged - registered)
        : PageMessages.text(
            registered == pledged ? "workshop.count.complete" : "workshop.count.beyond",
            registered,
            pledged,
            registered - pledged);
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
