package fr.secondevie.platform.boundary;

import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The menu of each role: one place lists the pages a role works with, in the order of its day.
 * Labels are bundle keys; a person with several roles sees each role's entries once.
 */
@Named("menu")
@RequestScoped
public class Menu {

  /** A menu entry: a bundle key and a path from the context root. */
  public record Entry(String labelKey, String path) {}

  static final Map<String, List<Entry>> BY_ROLE =
      Map.of(
          Roles.ADMIN,
              List.of(
                  new Entry("menu.admin.organisations", "/app/admin/organisations.xhtml"),
                  new Entry("menu.admin.routing", "/app/admin/routing.xhtml"),
                  new Entry("menu.admin.rules", "/app/admin/eligibility-rules.xhtml"),
                  new Entry("menu.admin.receipts", "/app/admin/tax-receipts.xhtml"),
                  new Entry("menu.admin.requests", "/app/admin/requests.xhtml"),
                  new Entry("menu.territory.dashboard", "/app/territory/dashboard.xhtml"),
                  new Entry("menu.audit", "/app/audit.xhtml"),
                  new Entry("menu.jobs", "/app/jobs.xhtml")),
          Roles.REFURBISHER,
              List.of(
                  new Entry("menu.workshop.reception", "/app/workshop/reception.xhtml"),
                  new Entry("menu.workshop.devices", "/app/workshop/devices.xhtml"),
                  new Entry("menu.workshop.profile", "/app/workshop/profile.xhtml"),
                  new Entry("menu.catalogue", "/catalogue/index.xhtml")),
          Roles.COUNTER,
              List.of(
                  new Entry("menu.counter.sale", "/app/counter/sale.xhtml"),
                  new Entry("menu.counter.cash", "/app/counter/cash.xhtml"),
                  new Entry("menu.counter.eligibility", "/app/counter/eligibility.xhtml"),
                  new Entry("menu.vouchers.check", "/app/counter/voucher-check.xhtml"),
                  new Entry("menu.counter.open", "/app/counter/open-orders.xhtml"),
                  new Entry("menu.counter.day", "/app/counter/day.xhtml"),
                  new Entry("menu.counter.readers", "/app/counter/readers.xhtml"),
                  new Entry("menu.counter.services", "/app/counter/services.xhtml"),
                  new Entry("menu.counter.statements", "/app/counter/statements.xhtml")),
          Roles.SOCIAL_WORKER,
              List.of(
                  new Entry("menu.social.beneficiaries", "/app/social/beneficiaries.xhtml"),
                  new Entry("menu.social.booklets", "/app/social/booklets.xhtml")),
          Roles.DONOR,
              List.of(
                  new Entry("menu.donor.donations", "/app/donor/donations.xhtml"),
                  new Entry("menu.donor.receipts", "/app/donor/receipts.xhtml")),
          Roles.FUNDER,
              List.of(
                  new Entry("menu.vouchers.programmes", "/app/funder/programmes.xhtml"),
                  new Entry("menu.territory.dashboard", "/app/territory/dashboard.xhtml")),
          Roles.NATIONAL,
              List.of(
                  new Entry("menu.national.territories", "/app/national/territories.xhtml"),
                  new Entry("menu.national.comparison", "/app/national/comparison.xhtml"),
                  new Entry("menu.territory.dashboard", "/app/territory/dashboard.xhtml"),
                  new Entry("menu.catalogue", "/catalogue/index.xhtml"),
                  new Entry("menu.audit", "/app/audit.xhtml"),
                  new Entry("menu.jobs", "/app/jobs.xhtml")));

  @Inject Caller caller;

  /** The spaces (one per role) of the caller, as bundle keys. */
  public List<String> getSpaces() {
    return Roles.ALL.stream().filter(caller::hasRole).map(r -> "menu.space." + r).toList();
  }

  public List<Entry> getEntries() {
    Set<Entry> entries = new LinkedHashSet<>();
    entries.add(new Entry("menu.home", "/app/index.xhtml"));
    Roles.ALL.stream().filter(caller::hasRole).forEach(r -> entries.addAll(BY_ROLE.get(r)));
    entries.add(new Entry("menu.account", "/app/account.xhtml"));
    return new ArrayList<>(entries);
  }
}
