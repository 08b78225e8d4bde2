package fr.secondevie.devices.control;

import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.Erasure;
import fr.secondevie.devices.entity.ErasureMethod;
import fr.secondevie.devices.entity.Refurbishment;
import fr.secondevie.devices.entity.Specs;
import fr.secondevie.donations.entity.Donation;
import fr.secondevie.donations.entity.DonationItem;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.control.Territories;
import fr.secondevie.organisations.entity.MediationService;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.control.Settings;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Demo donations, devices and mediation services, so that the catalogue is not empty on a demo
 * instance: created at start-up when {@code SECONDEVIE_DEMO} is on and there is no donation yet.
 */
@Singleton
@Startup
@DependsOn("DemoData")
public class DevicesDemoData {

  private static final Logger LOG = Logger.getLogger(DevicesDemoData.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Settings settings;
  @Inject Directory directory;
  @Inject Territories territories;
  @Inject Clock clock;

  private record Model(
      DeviceCategory category,
      String brand,
      String model,
      Grade grade,
      Integer battery,
      Specs specs,
      long priceCents) {}

  private static final List<Model> MODELS =
      List.of(
          new Model(
              DeviceCategory.LAPTOP,
              "Dell",
              "Latitude 5490",
              Grade.A,
              91,
              new Specs("Intel Core i5-8350U", 8, 256, new BigDecimal("14.0"), "Ubuntu 24.04"),
              14900),
          new Model(
              DeviceCategory.LAPTOP,
              "Lenovo",
              "ThinkPad T480",
              Grade.B,
              84,
              new Specs("Intel Core i5-8250U", 16, 512, new BigDecimal("14.0"), "Windows 11"),
              16900),
          new Model(
              DeviceCategory.DESKTOP,
              "HP",
              "EliteDesk 800 G4",
              Grade.A,
              null,
              new Specs("Intel Core i5-8500", 8, 256, null, "Linux Mint 22"),
              9900),
          new Model(
              DeviceCategory.SMARTPHONE,
              "Samsung",
              "Galaxy A52",
              Grade.B,
              87,
              new Specs("Snapdragon 720G", 6, 128, new BigDecimal("6.5"), "Android 14"),
              7900),
          new Model(
              DeviceCategory.TABLET,
              "Apple",
              "iPad 8e génération",
              Grade.C,
              82,
              new Specs("A12 Bionic", 3, 32, new BigDecimal("10.2"), "iPadOS 18"),
              8900),
          new Model(
              DeviceCategory.SCREEN,
              "Dell",
              "P2419H",
              Grade.A,
              null,
              new Specs(null, null, null, new BigDecimal("24.0"), null),
              2500));

  @PostConstruct
  void seed() {
    if (!settings.demo()) {
      return;
    }
    long donations = em.createNamedQuery("Donation.count", Long.class).getSingleResult();
    if (donations > 0) {
      return;
    }
    Optional<Territory> first = territories.findByCode("HDF");
    if (first.isEmpty()) {
      return;
    }
    long territory = first.get().id();
    List<Organisation> relays =
        directory.organisationsOfKindInTerritory(OrganisationKind.RELAY, territory);
    List<Organisation> companies =
        directory.organisationsOfKindInTerritory(OrganisationKind.COMPANY, territory).stream()
            .filter(c -> !c.publicBody())
            .toList();
    List<Organisation> workshops =
        directory.organisationsOfKindInTerritory(OrganisationKind.REFURBISHER, territory);
    List<Organisation> authorities =
        directory.organisationsOfKindInTerritory(OrganisationKind.AUTHORITY, territory);
    if (relays.isEmpty() || companies.isEmpty() || workshops.isEmpty()) {
      return;
    }
    LocalDateTime now = LocalDateTime.now(clock);
    int serial = 0;
    for (int c = 0; c < companies.size() + Math.min(1, authorities.size()); c++) {
      Organisation donor = c < companies.size() ? companies.get(c) : authorities.get(0);
      Donation donation =
          new Donation(
              donor,
              List.of(
                  new DonationItem(
                      DeviceCategory.LAPTOP, 4, "Portables de bureau", Money.ofEuros(120)),
                  new DonationItem(DeviceCategory.SMARTPHONE, 2, "Téléphones", Money.ofEuros(60))),
              donor.address() == null ? "À convenir" : donor.address() + ", " + donor.city(),
              now.toLocalDate().minusDays(30),
              "demo",
              now.minusDays(30));
      em.persist(donation);
      donation.assignTo(workshops.get(0), now.minusDays(30));
      donation.receive(now.minusDays(20));
      for (int i = 0; i < MODELS.size(); i++) {
        Model m = MODELS.get(i);
        serial++;
        Device device =
            new Device(
                donation,
                String.format("DEMO-%d-%04d", c + 1, serial),
                m.category(),
                m.brand(),
                m.model(),
                "atelier",
                now.minusDays(19));
        em.persist(device);
        if (i == MODELS.size() - 1 && c == 0) {
          device.recycle("Dalle fissurée, pièces non disponibles", now.minusDays(10));
          continue;
        }
        if (i == 2 && c == 1) {
          continue;
        }
        device.refurbish(
            new Refurbishment(
                m.grade(),
                m.battery(),
                m.specs(),
                new Erasure(
                    m.category() == DeviceCategory.SCREEN
                        ? ErasureMethod.CLEAR
                        : ErasureMethod.PURGE,
                    "Blancco Drive Eraser 7",
                    String.format("EFF-DEMO-%04d", serial),
                    now.minusDays(15),
                    "atelier"),
                true,
                workshops.get(0),
                relays.get(serial % relays.size()),
                Money.ofCents(m.priceCents())),
            now.minusDays(14));
      }
    }
    for (Organisation relay : directory.organisationsOfKind(OrganisationKind.RELAY)) {
      em.persist(
          new MediationService(relay, "Atelier « Premiers pas » (2 h)", 120, Money.ofEuros(10), now)
              .gettingStarted(true));
      em.persist(
          new MediationService(
              relay, "Aide aux démarches en ligne (1 h)", 60, Money.ofEuros(10), now));
    }
    LOG.info("Demo donations, devices and mediation services created");
  }
}
