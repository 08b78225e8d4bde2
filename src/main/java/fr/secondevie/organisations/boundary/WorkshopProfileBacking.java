package fr.secondevie.organisations.boundary;

import fr.secondevie.organisations.control.WorkshopProfiles;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.security.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.List;

/** The workshop's own profile: the categories it accepts and the devices it takes in a month. */
@Named
@RequestScoped
public class WorkshopProfileBacking {

  @Inject WorkshopProfiles profiles;
  @Inject Caller caller;

  private Organisation workshop;
  private DeviceCategory[] categories = new DeviceCategory[0];
  private Integer monthlyCapacity;

  @PostConstruct
  void load() {
    workshop = profiles.reachable(caller.organisationId()).orElse(null);
    if (workshop != null) {
      categories = workshop.acceptedCategories().toArray(new DeviceCategory[0]);
      monthlyCapacity = workshop.monthlyCapacity();
    }
  }

  public String save() {
    if (categories == null || categories.length == 0) {
      PageMessages.refused(
          new BusinessException(400, "INVALID_INPUT", PageMessages.text("profile.noCategory")));
      return null;
    }
    try {
      profiles.set(caller.organisationId(), EnumSet.copyOf(List.of(categories)), monthlyCapacity);
      PageMessages.info("profile.saved");
      PageMessages.keepForRedirect();
      return "/app/workshop/profile.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  public Organisation getWorkshop() {
    return workshop;
  }

  public DeviceCategory[] getAllCategories() {
    return DeviceCategory.values();
  }

  public DeviceCategory[] getCategories() {
    return categories;
  }

  public void setCategories(DeviceCategory[] categories) {
    this.categories = categories;
  }

  public Integer getMonthlyCapacity() {
    return monthlyCapacity;
  }

  public void setMonthlyCapacity(Integer monthlyCapacity) {
    this.monthlyCapacity = monthlyCapacity;
  }
}
