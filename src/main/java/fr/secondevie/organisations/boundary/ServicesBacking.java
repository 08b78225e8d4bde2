package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.Relays;
import fr.secondevie.organisations.entity.MediationService;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The relay's digital-mediation services page (the API had them alone until now): the services the
 * counter sells beside the devices, and a form to add one, through the same use case as {@code POST
 * /api/v1/relays/{id}/services}.
 */
@Named
@RequestScoped
public class ServicesBacking {

  @Inject Relays relays;
  @Inject Caller caller;

  private List<MediationService> services;
  private String name = "";
  private String duration = "";
  private String price = "";

  public List<MediationService> getServices() {
    if (services == null) {
      services = relays.services(caller.organisationId());
    }
    return services;
  }

  public String add() {
    boolean valid = true;
    if (name.isEmpty() || name.length() > 200) {
      PageMessages.atField("name", "services.name.invalid");
      valid = false;
    }
    Integer minutes = null;
    try {
      minutes = Integer.valueOf(duration);
    } catch (NumberFormatException e) {
      minutes = null;
    }
    if (minutes == null || minutes < 1 || minutes > 1440) {
      PageMessages.atField("duration", "services.duration.invalid");
      valid = false;
    }
    Money amount = null;
    try {
      amount = Money.parse(price.isEmpty() ? "0" : price.replace(" ", "").replace(" ", ""));
    } catch (RuntimeException e) {
      amount = null;
    }
    if (amount == null || amount.isNegative() || amount.cents() > 100_000) {
      PageMessages.atField("price", "services.price.invalid");
      valid = false;
    }
    if (!valid) {
      return null;
    }
    try {
      MediationService added =
          relays.addService(caller.organisationId(), name, minutes, amount, gettingStarted);
      PageMessages.info("services.added", added.name());
      PageMessages.keepForRedirect();
      return "/app/counter/services.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  private boolean gettingStarted;

  /** Whether the new service is the relay's getting-started workshop (suggested at the counter). */
  public boolean isGettingStarted() {
    return gettingStarted;
  }

  public void setGettingStarted(boolean gettingStarted) {
    this.gettingStarted = gettingStarted;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name == null ? "" : name.trim();
  }

  public String getDuration() {
    return duration;
  }

  public void setDuration(String duration) {
    this.duration = duration == null ? "" : duration.trim();
  }

  public String getPrice() {
    return price;
  }

  public void setPrice(String price) {
    this.price = price == null ? "" : price.trim();
  }
}
