package fr.secondevie.vouchers.control;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.vouchers.entity.Booklet;
import fr.secondevie.vouchers.entity.IssuanceBatch;
import fr.secondevie.vouchers.entity.VoucherAudit;
import fr.secondevie.vouchers.entity.VoucherKind;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Booklets of passes numériques (APTIC model): the funder of a PASS_NUMERIQUE programme allocates
 * booklets of N passes to a social structure of its territory; the structure lists them, prints one
 * and hands it over once, to a person of its own or to the bearer. Each booklet's passes are an
 * issuance batch of their own, written by {@link IssuanceWriter} like any voucher (the code is
 * unique in the database, so no two booklets ever share a pass); until its booklet is handed over a
 * pass is refused at the counter ({@link #requireHandedOver}). Once handed over, a pass lives as
 * any voucher does: held, redeemed, reconciled, put on statements, expired and credited back.
 */
@ApplicationScoped
public class Booklets {

  /** The most passes one allocation writes: all at once, in the request's transaction. */
  static final int MAX_PASSES_PER_ALLOCATION = Issuance.SYNC_LIMIT;

  /** A booklet allocated, with its passes' codes (the funder's answer). */
  public record Allocated(Booklet booklet, List<String> codes) {}

  @PersistenceContext EntityManager em;
  @Inject Programmes programmes;
  @Inject IssuanceWriter writer;
  @Inject Directory directory;
  @Inject VoucherDocuments documents;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;

  /**
   * Allocates {@code count} booklets of {@code passesPerBooklet} passes of the caller's programme
   * to a social structure of its territory. Refusals: another authority's programme 404; a
   * chèque-équipement programme 422 NOT_A_PASS_PROGRAMME; an organisation not of the territory 404,
   * one that is not a social structure 422 NOT_A_SOCIAL_STRUCTURE; more than {@value
   * #MAX_PASSES_PER_ALLOCATION} passes at once 422 INVALID_QUANTITY; a programme over 422
   * PROGRAMME_ENDED.
   */
  @Transactional
  public List<Allocated> allocate(
      long programmeId, long structureId, int count, int passesPerBooklet) {
    VoucherProgramme programme = programmes.getOwn(programmeId);
    if (programme.kind() != VoucherKind.PASS_NUMERIQUE) {
      throw BusinessException.unprocessable(
          "NOT_A_PASS_PROGRAMME", "Booklets hold passes numériques: this programme pays devices");
    }
    if (count < 1
        || passesPerBooklet < 1
        || passesPerBooklet > Booklet.MAX_PASSES
        || (long) count * passesPerBooklet > MAX_PASSES_PER_ALLOCATION) {
      throw BusinessException.unprocessable(
          "INVALID_QUANTITY",
          "1 to "
              + Booklet.MAX_PASSES
              + " passes a booklet, at most "
              + MAX_PASSES_PER_ALLOCATION
              + " passes at once");
    }
    Organisation structure =
        directory
            .findOrganisationInTerritory(structureId, caller.territoryId())
            .orElseThrow(() -> BusinessException.notFound("Social structure"));
    if (structure.kind() != OrganisationKind.SOCIAL_STRUCTURE) {
      throw BusinessException.unprocessable(
          "NOT_A_SOCIAL_STRUCTURE", "Booklets are handed out by a social structure");
    }
    // allocations of one programme queue up on its row: each writes its booklets whole, and the
    // database's unique code keeps every pass apart (BookletsIT races eight of them)
    em.lock(programme, LockModeType.PESSIMISTIC_WRITE);
    LocalDateTime now = LocalDateTime.now(clock);
    if (programme.isExpiredOn(now.toLocalDate())) {
      throw BusinessException.unprocessable(
          "PROGRAMME_ENDED", "The programme's validity and tolerance are over");
    }
    List<Allocated> allocated = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      IssuanceBatch batch =
          new IssuanceBatch(programmeId, passesPerBooklet, null, caller.username(), now);
      em.persist(batch);
      em.flush();
      List<String> codes = writer.insert(batch.id(), programmeId, null, passesPerBooklet, now);
      writer.finishInCurrent(batch.id(), now);
      Booklet booklet =
          new Booklet(
              programmeId, batch.id(), structure.id(), passesPerBooklet, caller.username(), now);
      em.persist(booklet);
      em.flush();
      allocated.add(new Allocated(booklet, codes));
    }
    audit.record(
        VoucherAudit.BOOKLETS_ALLOCATED,
        "VoucherProgramme",
        programmeId,
        count + " booklets of " + passesPerBooklet + " passes to structure " + structureId);
    return allocated;
  }

  /** The booklets allocated to the caller's social structure, newest first. */
  public List<Booklet> ofMyStructure() {
    return em.createNamedQuery("Booklet.findOfStructure", Booklet.class)
        .setParameter("structure", caller.organisationId())
        .getResultList();
  }

  /** A booklet of the caller's structure; another structure's is 404. */
  public Booklet getOfMyStructure(long id) {
    return em.createNamedQuery("Booklet.findOneOfStructure", Booklet.class)
        .setParameter("id", id)
        .setParameter("structure", caller.organisationId())
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> BusinessException.notFound("Booklet"));
  }

  /**
   * Hands the booklet over, to a person of the structure ({@code beneficiaryId}) or to the bearer
   * (null): one conditional update, so of two handovers at once one succeeds and the other is 409
   * BOOKLET_ALREADY_HANDED_OVER, as is a second one later. An identifier of the wrong shape is 400.
   */
  @Transactional
  public Booklet handOver(long id, String typedBeneficiary) {
    Booklet booklet = getOfMyStructure(id);
    String person =
        typedBeneficiary == null || typedBeneficiary.isBlank()
            ? null
            : typedBeneficiary.replaceAll("[\\s-]", "").toUpperCase();
    // the attestation's identifier as printed (vouchers may not read the structure's files: the
    // identifier is checked for its shape, and kept only on the booklet, never on the passes)
    if (person != null && !person.matches("[2-9A-HJKMNP-Z]{16}")) {
      throw BusinessException.invalid(
          "beneficiaryId", "an attestation's identifier, 16 characters");
    }
    LocalDateTime now = LocalDateTime.now(clock);
    int rows =
        em.createNativeQuery(
                "update booklet set handed_over_at = ?, handed_over_by = ?, beneficiary_ref = ?"
                    + " where id = ? and structure_id = ? and handed_over_at is null")
            .setParameter(1, Timestamp.valueOf(now))
            .setParameter(2, caller.username())
            .setParameter(3, person)
            .setParameter(4, booklet.id())
            .setParameter(5, caller.organisationId())
            .executeUpdate();
    if (rows != 1) {
      throw BusinessException.conflict(
          "BOOKLET_ALREADY_HANDED_OVER", "This booklet was already handed over");
    }
    em.refresh(booklet);
    audit.record(
        VoucherAudit.BOOKLET_HANDED_OVER,
        "Booklet",
        booklet.id(),
        person == null ? "to the bearer" : "to a person of the structure");
    return booklet;
  }

  /**
   * Refuses a pass of a booklet not handed over yet (422 VOUCHER_NOT_HANDED_OVER): it is still in
   * the structure's drawer. Any other voucher passes, without a query: only a PASS_NUMERIQUE
   * programme has booklets ({@link #allocate}), and a programme's kind never changes.
   */
  public void requireHandedOver(VoucherProgramme programme, long batchId) {
    if (programme.kind() != VoucherKind.PASS_NUMERIQUE) {
      return;
    }
    List<?> found =
        em.createNativeQuery("select handed_over_at from booklet where batch_id = ?")
            .setParameter(1, batchId)
            .getResultList();
    if (!found.isEmpty() && found.get(0) == null) {
      throw BusinessException.unprocessable(
          "VOUCHER_NOT_HANDED_OVER",
          "This pass belongs to a booklet its social structure has not handed over yet");
    }
  }

  /** The booklet's printable A4 sheets of passes, with their QR codes and no holder's name. */
  @Transactional
  public Document sheet(long id) {
    Booklet booklet = getOfMyStructure(id);
    VoucherProgramme programme =
        programmes
            .find(booklet.programmeId())
            .orElseThrow(() -> BusinessException.notFound("Voucher programme"));
    return new Document(
        "carnet-" + booklet.id() + ".pdf",
        documents.sheet(
            programme,
            programmes.funderName(programme),
            em.createNamedQuery("Voucher.findByBatch", fr.secondevie.vouchers.entity.Voucher.class)
                .setParameter("batch", booklet.batchId())
                .getResultList()));
  }

  /** The programme a booklet's passes belong to (its name and value, for the structure's page). */
  public VoucherProgramme programmeOf(Booklet booklet) {
    return programmes.find(booklet.programmeId()).orElseThrow();
  }
}
