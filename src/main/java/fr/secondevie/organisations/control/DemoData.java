package fr.secondevie.organisations.control;

import fr.secondevie.organisations.entity.AppUser;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.organisations.entity.Territory;
import fr.secondevie.platform.control.Settings;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The demo organisations and users of API.md (password {@code demo}), created at start-up when
 * {@code SECONDEVIE_DEMO} is on and the database has no users yet.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class DemoData {

  public static final String PASSWORD = "demo";

  /**
   * The demo users' password hashed once with the parameters of {@link Passwords} (PBKDF2 with
   * HMAC-SHA256, 210,000 iterations, a 32-byte salt), rather than at each start of a demo.
   */
  static final String DEMO_HASH =
      "PBKDF2WithHmacSHA256:210000:UhlcvfsNba5Q2ZwkVUcffAGLWpsOb8t9widWPq5YY9M="
          + ":tCArg+rVc4P4O602w6fVzasGycrgH8IQBPdZW9pV14o=";

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @PersistenceContext EntityManager em;

  /** The territory whose organisations are being created. */
  private Territory territory;

  /** When the demo data is being created. */
  private LocalDateTime now;

  @Inject Settings settings;
  @Inject Clock clock;

  @PostConstruct
  void seed() {
    if (!settings.demo()) {
      return;
    }
    long users = em.createQuery("select count(u) from AppUser u", Long.class).getSingleResult();
    if (users > 0) {
      return;
    }
    now = LocalDateTime.now(clock);
    territory =
        em.createNamedQuery("Territory.findByCode", Territory.class)
            .setParameter("code", "HDF")
            .getSingleResult();
    Organisation coordination =
        withUser(
            "admin",
            Roles.ADMIN,
            new Organisation("Seconde Vie Somme", OrganisationKind.COORDINATION, now)
                .identifiedBy(
                    "812345678",
                    "W802001234",
                    "Association loi 1901 reconnue d'intérêt général",
                    "Réemploi solidaire d'équipements numériques et inclusion numérique")
                .locatedAt("12 rue des Jacobins", "80000", "Amiens"));
    territory.coordinatedBy(coordination);
    withUser(
        "atelier",
        Roles.REFURBISHER,
        new Organisation("Atelier Réemploi Picard", OrganisationKind.REFURBISHER, now)
            .identifiedBy("823456789", null, "SCIC SARL", "Atelier et chantier d'insertion")
            .locatedAt("5 rue de la Vallée", "80080", "Amiens")
            .acceptsForWorkshop(EnumSet.allOf(DeviceCategory.class), 150));
    withUser(
        "relais",
        Roles.COUNTER,
        new Organisation("Relais numérique Amiens Nord", OrganisationKind.RELAY, now)
            .identifiedBy("801234567", null, "Association loi 1901", "Relais numérique")
            .registeredAs("80123456700018")
            .locatedAt("3 place du Pays d'Auge", "80080", "Amiens")
            .openAt("Lundi au vendredi 9h–12h30 et 14h–17h30"));
    withUser(
        "relais2",
        Roles.COUNTER,
        new Organisation("Relais numérique Abbeville", OrganisationKind.RELAY, now)
            .identifiedBy("802345678", null, "Association loi 1901", "Relais numérique")
            .registeredAs("80234567800014")
            .locatedAt("18 boulevard Vauban", "80100", "Abbeville")
            .openAt("Mardi, jeudi et samedi 9h–12h"));
    withUser(
        "social",
        Roles.SOCIAL_WORKER,
        new Organisation("CCAS d'Amiens", OrganisationKind.SOCIAL_STRUCTURE, now)
            .locatedAt("30 square Friant les 4 Chênes", "80000", "Amiens"));
    withUser(
        "donateur",
        Roles.DONOR,
        new Organisation("Picardie Assurances", OrganisationKind.COMPANY, now)
            .identifiedBy("552100554", null, "SA", null)
            .locatedAt("40 rue Delpech", "80000", "Amiens"));
    withUser(
        "donateur2",
        Roles.DONOR,
        new Organisation("Transports de la Somme", OrganisationKind.COMPANY, now)
            .identifiedBy("443061841", null, "SAS", null)
            .locatedAt("2 route de Paris", "80440", "Boves"));
    withUser(
        "financeur",
        Roles.FUNDER,
        new Organisation("Département de la Somme", OrganisationKind.AUTHORITY, now)
            .asPublicBody()
            .identifiedBy("228000017", null, "Collectivité territoriale", null)
            .registeredAs("22800001700014")
            .locatedAt("43 rue de la République", "80000", "Amiens"));
    withUser(
        "financeur2",
        Roles.FUNDER,
        new Organisation("Amiens Métropole", OrganisationKind.AUTHORITY, now)
            .asPublicBody()
            .identifiedBy("248000531", null, "Communauté d'agglomération", null)
            .registeredAs("24800053100014")
            .locatedAt("8 rue de l'Hôtel de Ville", "80000", "Amiens"));

    secondWave();
    LOG.info(
        "Demo data created: users admin, atelier, relais, relais2, social, donateur,"
            + " donateur2, financeur, financeur2; atelier2, mairie (HDF); admin2, atelier3,"
            + " relais3, social2, donateur3, financeur3 (ARA); national (password 'demo')");
  }

  /**
   * API.md's second part: in Hauts-de-France a phone and tablet workshop and a town hall that
   * donates as a public body; a second territory, Auvergne-Rhône-Alpes, with its own chain; the
   * national coordination.
   */
  private void secondWave() {
    withUser(
        "atelier2",
        Roles.REFURBISHER,
        new Organisation("Tech Solidaire Lille", OrganisationKind.REFURBISHER, now)
            .identifiedBy("834567890", null, "Association loi 1901", "Atelier d'insertion")
            .locatedAt("27 rue Gantois", "59000", "Lille")
            .acceptsForWorkshop(EnumSet.of(DeviceCategory.SMARTPHONE, DeviceCategory.TABLET), 300));
    withUser(
        "mairie",
        Roles.DONOR,
        new Organisation("Mairie de Péronne", OrganisationKind.COMPANY, now)
            .asPublicBody()
            .identifiedBy("218006160", null, "Commune", null)
            .locatedAt("Place Louis Daudré", "80200", "Péronne"));
    withUser(
        "national",
        Roles.NATIONAL,
        new Organisation("Seconde Vie France", OrganisationKind.COORDINATION, now)
            .locatedAt("12 rue des Jacobins", "80000", "Amiens"));

    Territory ara =
        new Territory(
            "ARA",
            "Auvergne-Rhône-Alpes",
            Set.of("01", "03", "07", "15", "26", "38", "42", "43", "63", "69", "73", "74"),
            now);
    em.persist(ara);
    em.flush();
    territory = ara;
    Organisation coordination =
        withUser(
            "admin2",
            Roles.ADMIN,
            new Organisation("Seconde Vie Rhône", OrganisationKind.COORDINATION, now)
                .identifiedBy(
                    "845678901",
                    "W691009876",
                    "Association loi 1901 reconnue d'intérêt général",
                    "Réemploi solidaire d'équipements numériques et inclusion numérique")
                .locatedAt("8 rue de la Charité", "69002", "Lyon"));
    ara.coordinatedBy(coordination);
    withUser(
        "atelier3",
        Roles.REFURBISHER,
        new Organisation("Atelier Réemploi Lyonnais", OrganisationKind.REFURBISHER, now)
            .identifiedBy("856789012", null, "SCIC SAS", "Atelier et chantier d'insertion")
            .locatedAt("14 rue Garon Duret", "69008", "Lyon")
            .acceptsForWorkshop(EnumSet.allOf(DeviceCategory.class), 200));
    withUser(
        "relais3",
        Roles.COUNTER,
        new Organisation("Relais numérique Lyon 8e", OrganisationKind.RELAY, now)
            .identifiedBy("803456789", null, "Association loi 1901", "Relais numérique")
            .registeredAs("80345678900019")
            .locatedAt("12 avenue Jean Mermoz", "69008", "Lyon")
            .openAt("Lundi au vendredi 9h–17h"));
    withUser(
        "social2",
        Roles.SOCIAL_WORKER,
        new Organisation("CCAS de Villeurbanne", OrganisationKind.SOCIAL_STRUCTURE, now)
            .locatedAt("3 rue Anatole France", "69100", "Villeurbanne"));
    withUser(
        "donateur3",
        Roles.DONOR,
        new Organisation("Rhône Logistique", OrganisationKind.COMPANY, now)
            .identifiedBy("867890123", null, "SAS", null)
            .locatedAt("30 quai Perrache", "69002", "Lyon"));
    withUser(
        "financeur3",
        Roles.FUNDER,
        new Organisation("Métropole de Lyon", OrganisationKind.AUTHORITY, now)
            .asPublicBody()
            .identifiedBy("200046977", null, "Collectivité territoriale", null)
            .registeredAs("20004697700019")
            .locatedAt("20 rue du Lac", "69003", "Lyon"));
  }

  /**
   * Saves an organisation of the territory being seeded with its one user, who is so the manager of
   * its accounts.
   */
  private Organisation withUser(String username, String role, Organisation organisation) {
    em.persist(organisation.in(territory));
    em.flush();
    em.persist(new AppUser(username, DEMO_HASH, organisation, Set.of(role), now).asManager());
    return organisation;
  }
}
