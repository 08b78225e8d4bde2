package fr.secondevie.vouchers.control;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.control.Settings;
import fr.secondevie.vouchers.control.Programmes.NewProgramme;
import fr.secondevie.vouchers.entity.IssuanceBatch;
import fr.secondevie.vouchers.entity.VoucherKind;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.logging.Logger;

/**
 * Demo programmes, when the demo is on and there is none yet: the Département de la Somme's
 * chèque-équipement (100 €, postal codes 80...) and Amiens Métropole's pass numérique (10 €), each
 * with a few issued vouchers.
 */
@Singleton
@Startup
@DependsOn("DemoData")
public class VoucherDemoData {

  private static final Logger LOG = Logger.getLogger(VoucherDemoData.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Settings settings;
  @Inject Directory directory;
  @Inject Programmes programmes;
  @Inject IssuanceWriter writer;
  @Inject Clock clock;

  @PostConstruct
  void seed() {
    if (!settings.demo() || programmes.countAll() > 0) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate endOfYear = LocalDate.of(today.getYear(), 12, 31);
    for (Organisation authority : directory.organisationsOfKind(OrganisationKind.AUTHORITY)) {
      if (authority.name().equals("Département de la Somme")) {
        seed(
            authority,
            new NewProgramme(
                "Chèque équipement collégiens " + today.getYear(),
                VoucherKind.CHEQUE_EQUIPEMENT,
                10_000,
                today.withDayOfYear(1),
                endOfYear,
                31,
                false,
                List.of("80"),
                "Achat d'un ordinateur reconditionné dans un relais de la Somme."),
            5);
      } else if (authority.name().equals("Amiens Métropole")) {
        seed(
            authority,
            new NewProgramme(
                "Pass numérique " + today.getYear(),
                VoucherKind.PASS_NUMERIQUE,
                1_000,
                today.withDayOfYear(1),
                endOfYear,
                31,
                false,
                List.of(),
                "Ateliers d'accompagnement au numérique uniquement."),
            10);
      }
    }
  }

  private void seed(Organisation authority, NewProgramme definition, int vouchers) {
    VoucherProgramme programme = programmes.define(authority.id(), definition);
    LocalDateTime now = LocalDateTime.now(clock);
    IssuanceBatch batch = new IssuanceBatch(programme.id(), vouchers, null, "demo", now);
    em.persist(batch);
    em.flush();
    writer.insert(batch.id(), programme.id(), null, vouchers, now);
    writer.finishInCurrent(batch.id(), now);
    LOG.info(() -> "Demo voucher programme: " + programme.name());
  }
}
