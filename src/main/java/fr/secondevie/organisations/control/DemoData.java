package fr.secondevie.organisations.control;

import fr.secondevie.organisations.entity.AppUser;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.control.Settings;
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
    LocalDateTime now = LocalDateTime.now(clock);
    Organisation coordination =
        save(
            new Organisation("Seconde Vie Somme", OrganisationKind.COORDINATION, now)
                .identifiedBy(
                    "812345678",
                    "W802001234",
                    "Association loi 1901 reconnue d'intérêt général",
                    "Réemploi solidaire d'équipements numériques et inclusion numérique")
                .locatedAt("12 rue des Jacobins", "80000", "Amiens"));
    Organisation workshop =
        save(
            new Organisation("Atelier Réemploi Picard", OrganisationKind.REFURBISHER, now)
                .identifiedBy("823456789", null, "SCIC SARL", "Atelier et chantier d'insertion")
                .locatedAt("5 rue de la Vallée", "80080", "Amiens"));
    Organisation relay =
        save(
            new Organisation("Relais numérique Amiens Nord", OrganisationKind.RELAY, now)
                .locatedAt("3 place du Pays d'Auge", "80080", "Amiens")
                .openAt("Lundi au vendredi 9h–12h30 et 14h–17h30"));
    Organisation relay2 =
        save(
            new Organisation("Relais numérique Abbeville", OrganisationKind.RELAY, now)
                .locatedAt("18 boulevard Vauban", "80100", "Abbeville")
                .openAt("Mardi, jeudi et samedi 9h–12h"));
    Organisation social =
        save(
            new Organisation("CCAS d'Amiens", OrganisationKind.SOCIAL_STRUCTURE, now)
                .locatedAt("30 square Friant les 4 Chênes", "80000", "Amiens"));
    Organisation company =
        save(
            new Organisation("Picardie Assurances", OrganisationKind.COMPANY, now)
                .identifiedBy("552100554", null, "SA", null)
                .locatedAt("40 rue Delpech", "80000", "Amiens"));
    Organisation company2 =
        save(
            new Organisation("Transports de la Somme", OrganisationKind.COMPANY, now)
                .identifiedBy("443061841", null, "SAS", null)
                .locatedAt("2 route de Paris", "80440", "Boves"));
    Organisation authority =
        save(
            new Organisation("Département de la Somme", OrganisationKind.AUTHORITY, now)
                .asPublicBody()
                .identifiedBy("228000017", null, "Collectivité territoriale", null)
                .locatedAt("43 rue de la République", "80000", "Amiens"));
    Organisation authority2 =
        save(
            new Organisation("Amiens Métropole", OrganisationKind.AUTHORITY, now)
                .asPublicBody()
                .identifiedBy("248000531", null, "Communauté d'agglomération", null)
                .locatedAt("8 rue de l'Hôtel de Ville", "80000", "Amiens"));

    String hash = DEMO_HASH;
    user("admin", hash, coordination, Roles.ADMIN, now);
    user("atelier", hash, workshop, Roles.REFURBISHER, now);
    user("relais", hash, relay, Roles.COUNTER, now);
    user("relais2", hash, relay2, Roles.COUNTER, now);
    user("social", hash, social, Roles.SOCIAL_WORKER, now);
    user("donateur", hash, company, Roles.DONOR, now);
    user("donateur2", hash, company2, Roles.DONOR, now);
    user("financeur", hash, authority, Roles.FUNDER, now);
    user("financeur2", hash, authority2, Roles.FUNDER, now);
    LOG.info(
        "Demo data created: users admin, atelier, relais, relais2, social, donateur,"
            + " donateur2, financeur, financeur2 (password 'demo')");
  }

  private Organisation save(Organisation organisation) {
    em.persist(organisation);
    return organisation;
  }

  private void user(
      String username, String hash, Organisation organisation, String role, LocalDateTime now) {
    em.persist(new AppUser(username, hash, organisation, Set.of(role), now));
  }
}
