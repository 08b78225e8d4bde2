package fr.secondevie.vouchers;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.vouchers.control.IssuanceWriter;
import fr.secondevie.vouchers.control.Programmes;
import fr.secondevie.vouchers.control.Programmes.NewProgramme;
import fr.secondevie.vouchers.entity.IssuanceBatch;
import fr.secondevie.vouchers.entity.VoucherKind;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Test data for the in-container tests, deployed with them only: programmes of a demo authority
 * with issued vouchers, whatever their dates (the API refuses to issue under an ended programme).
 */
@ApplicationScoped
public class VoucherFixtures {

  /** A programme and the codes of its vouchers. */
  public record Issued(long programmeId, List<String> codes) {}

  @PersistenceContext EntityManager em;
  @Inject Programmes programmes;
  @Inject IssuanceWriter writer;
  @Inject Directory directory;

  @Transactional
  public Issued programme(
      String authorityName,
      String name,
      long faceValueCents,
      LocalDate validFrom,
      LocalDate validUntil,
      int toleranceDays,
      int vouchers,
      String beneficiaryRef) {
    VoucherProgramme programme =
        programmes.define(
            organisation(authorityName, OrganisationKind.AUTHORITY).id(),
            new NewProgramme(
                name,
                VoucherKind.CHEQUE_EQUIPEMENT,
                faceValueCents,
                validFrom,
                validUntil,
                toleranceDays,
                beneficiaryRef != null,
                List.of("80"),
                "Test"));
    IssuanceBatch batch =
        new IssuanceBatch(programme.id(), vouchers, beneficiaryRef, "test", LocalDateTime.now());
    em.persist(batch);
    em.flush();
    List<String> codes =
        writer.insert(batch.id(), programme.id(), beneficiaryRef, vouchers, LocalDateTime.now());
    writer.finishInCurrent(batch.id(), LocalDateTime.now());
    return new Issued(programme.id(), codes);
  }

  public Organisation organisation(String name, OrganisationKind kind) {
    return directory.organisationsOfKind(kind).stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** How many redemptions a voucher has (one at most, by construction). */
  public long redemptions(String code) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from redemption r join voucher v on v.id = r.voucher_id"
                        + " where v.code = ?")
                .setParameter(1, code)
                .getSingleResult())
        .longValue();
  }

  public String status(String code) {
    return (String)
        em.createNativeQuery("select status from voucher where code = ?")
            .setParameter(1, code)
            .getSingleResult();
  }

  public Long orderOf(String code) {
    Object order =
        em.createNativeQuery("select order_id from voucher where code = ?")
            .setParameter(1, code)
            .getSingleResult();
    return order == null ? null : ((Number) order).longValue();
  }
}
