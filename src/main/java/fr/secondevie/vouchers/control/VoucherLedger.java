package fr.secondevie.vouchers.control;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.vouchers.entity.MalformedCodeException;
import fr.secondevie.vouchers.entity.Voucher;
import fr.secondevie.vouchers.entity.VoucherAudit;
import fr.secondevie.vouchers.entity.VoucherCode;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import fr.secondevie.vouchers.entity.VoucherStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The life of vouchers after issue, as counters and sales use them. Every change of status is one
 * conditional UPDATE whose {@code WHERE} names the status it leaves (for example {@code ... WHERE
 * code = ? AND status = 'ISSUED'}): the database lets exactly one caller succeed, across threads
 * and application instances, and the others get a refusal. Nothing is read and then written back.
 */
@ApplicationScoped
public class VoucherLedger {

  /**
   * The share of a sale a voucher paid: what the funder owes the relay for it, and the programme
   * the voucher was held under (as the order recorded it at the hold).
   */
  public record Share(String code, long programmeId, long appliedCents) {}

  @PersistenceContext EntityManager em;
  @Inject Programmes programmes;
  @Inject Booklets booklets;
  @Inject Directory directory;
  @Inject AuditTrail audit;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject RedemptionDays days;

  /** Reads a typed code, refusing a malformed one (400) before any lookup. */
  public static VoucherCode parse(String typed) {
    try {
      return VoucherCode.parse(typed);
    } catch (MalformedCodeException e) {
      throw BusinessException.badRequest("MALFORMED_CODE", e.getMessage());
    }
  }

  /**
   * A voucher as a counter, an admin or its funder sees it today. A funder asking about another
   * authority's voucher, a counter or an admin about another territory's, or anyone about an
   * unknown code, gets NOT_FOUND.
   */
  public VoucherInfo check(String typedCode) {
    VoucherCode code = parse(typedCode);
    WithProgramme read = withProgramme(code);
    Voucher voucher = read.voucher();
    VoucherProgramme programme = read.programme();
    if (caller.hasRole(Roles.FUNDER)
        && !caller.hasRole(Roles.ADMIN)
        && !caller.hasRole(Roles.COUNTER)
        && programme.authorityId() != caller.organisationId()) {
      throw BusinessException.notFound("Voucher");
    }
    if ((caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.COUNTER))
        && directory
            .findOrganisationInTerritory(programme.authorityId(), caller.territoryId())
            .isEmpty()) {
      throw BusinessException.notFound("Voucher");
    }
    return info(voucher, programme, LocalDate.now(clock));
  }

  /**
   * Whether this pass is still in its social structure's drawer: it belongs to a booklet not handed
   * over yet, so the counter refuses it (a code that is no pass, or unknown: false).
   */
  public boolean awaitingHandover(String typedCode) {
    WithProgramme read = withProgramme(parse(typedCode));
    try {
      booklets.requireHandedOver(read.programme(), read.voucher().batchId());
      return false;
    } catch (BusinessException refused) {
      return true;
    }
  }

  /**
   * Holds the voucher for an open order at the given moment, for that person, wherever they live.
   * See {@link #holdFor}; the territory is not checked (the ledger's own tests hold by person).
   */
  @Transactional
  public VoucherInfo holdAt(
      String typedCode, long orderId, String beneficiaryRef, LocalDateTime now) {
    return hold(typedCode, orderId, beneficiaryRef, programme -> true, now);
  }

  /**
   * Holds the voucher for an open order of that person at the given moment: ISSUED becomes HELD by
   * that order, in one conditional update. Holding it again for the same order answers the same.
   * Refusals: 400 MALFORMED_CODE, 404 unknown, 422 VOUCHER_EXPIRED past validity and tolerance, 409
   * VOUCHER_UNAVAILABLE when held by another order, redeemed or cancelled, 422
   * VOUCHER_NOT_HANDED_OVER for a pass of a booklet its structure has not handed over, 422
   * VOUCHER_NOT_APPLICABLE before its validity, for a nominative voucher of someone else or for a
   * person who lives outside the programme's territory.
   *
   * @param postalCode where the person lives, asked only of a programme with a territory
   */
  @Transactional
  public VoucherInfo holdFor(
      String typedCode,
      long orderId,
      String beneficiaryRef,
      Supplier<Optional<String>> postalCode,
      LocalDateTime now) {
    return hold(
        typedCode,
        orderId,
        beneficiaryRef,
        programme ->
            programme.prefixes().isEmpty()
                || programme.coversPostalCode(postalCode.get().orElse(null)),
        now);
  }

  private VoucherInfo hold(
      String typedCode,
      long orderId,
      String beneficiaryRef,
      Predicate<VoucherProgramme> inTerritory,
      LocalDateTime now) {
    VoucherCode code = parse(typedCode);
    WithProgramme read = withProgramme(code);
    Voucher voucher = read.voucher();
    VoucherProgramme programme = read.programme();
    LocalDate day = now.toLocalDate();
    if (voucher.status() == VoucherStatus.HELD && Objects.equals(voucher.orderId(), orderId)) {
      return info(voucher, programme, day);
    }
    VoucherStatus status = voucher.statusOn(day, programme);
    if (status == VoucherStatus.EXPIRED) {
      throw BusinessException.unprocessable(
          "VOUCHER_EXPIRED", "This voucher was accepted until " + programme.lastDayAccepted());
    }
    if (status != VoucherStatus.ISSUED) {
      throw unavailable();
    }
    booklets.requireHandedOver(programme, voucher.batchId());
    if (!programme.hasStartedOn(day)) {
      throw BusinessException.unprocessable(
          "VOUCHER_NOT_APPLICABLE", "This voucher is valid from " + programme.validFrom());
    }
    if (voucher.beneficiaryRef() != null && !voucher.beneficiaryRef().equals(beneficiaryRef)) {
      throw BusinessException.unprocessable(
          "VOUCHER_NOT_APPLICABLE", "This voucher is bound to another person");
    }
    if (!inTerritory.test(programme)) {
      throw BusinessException.unprocessable(
          "VOUCHER_NOT_APPLICABLE", "This voucher is not valid where this person lives");
    }
    int rows =
        em.createNativeQuery(
                "update voucher set status = 'HELD', order_id = ?, held_at = ?"
                    + " where code = ? and status = 'ISSUED'")
            .setParameter(1, orderId)
            .setParameter(2, Timestamp.valueOf(now))
            .setParameter(3, code.value())
            .executeUpdate();
    if (rows != 1) {
      throw unavailable();
    }
    audit.record(VoucherAudit.VOUCHER_HELD, "Voucher", code.value(), "order " + orderId);
    // what the conditional UPDATE made of it, without reading it back; the managed copy, as read
    // before, leaves the persistence context (a later read in this transaction reads the row)
    em.detach(voucher);
    return info(voucher, programme, VoucherStatus.HELD, orderId);
  }

  private static BusinessException unavailable() {
    return BusinessException.conflict(
        "VOUCHER_UNAVAILABLE", "This voucher is held by another order or already used");
  }

  /**
   * Gives a held voucher back (the order dropped it, was cancelled or expired). Only the order that
   * holds it can release it; releasing what this order does not hold changes nothing.
   *
   * @return true when the voucher was released by this call
   */
  @Transactional
  public boolean release(String typedCode, long orderId) {
    VoucherCode code = parse(typedCode);
    int rows =
        em.createNativeQuery(
                "update voucher set status = 'ISSUED', order_id = null, held_at = null"
                    + " where code = ? and order_id = ? and status = 'HELD'")
            .setParameter(1, code.value())
            .setParameter(2, orderId)
            .executeUpdate();
    if (rows == 1) {
      audit.record(VoucherAudit.VOUCHER_RELEASED, "Voucher", code.value(), "order " + orderId);
    }
    return rows == 1;
  }

  /**
   * The sale is paid: each voucher HELD by the order becomes REDEEMED (conditional update), and a
   * redemption records the funder's share, the order and the relay. All or nothing: one voucher not
   * held by this order (409 VOUCHER_UNAVAILABLE) refuses the whole act.
   */
  @Transactional
  public void redeemAt(long orderId, long relayId, List<Share> shares, LocalDateTime now) {
    if (directory
            .identity(relayId)
            .orElseThrow(() -> BusinessException.notFound("Organisation"))
            .kind()
        != OrganisationKind.RELAY) {
      throw BusinessException.unprocessable("NOT_A_RELAY", "Vouchers are redeemed at a relay");
    }
    SortedMap<Long, RedemptionDays.Total> totals = new TreeMap<>();
    for (Share share : shares) {
      VoucherCode code = parse(share.code());
      // neither the voucher nor its programme is read: the conditional UPDATE proves the voucher is
      // held by this order under that programme, and the redemption takes its ids and the face
      // value from the rows themselves (two statements a voucher instead of three)
      int rows =
          em.createNativeQuery(
                  "update voucher set status = 'REDEEMED', redeemed_at = ?"
                      + " where code = ? and order_id = ? and programme_id = ? and status = 'HELD'")
              .setParameter(1, Timestamp.valueOf(now))
              .setParameter(2, code.value())
              .setParameter(3, orderId)
              .setParameter(4, share.programmeId())
              .executeUpdate();
      if (rows != 1) {
        throw BusinessException.conflict(
            "VOUCHER_UNAVAILABLE", "Voucher " + code + " is not held by order " + orderId);
      }
      int recorded =
          em.createNativeQuery(
                  "insert into redemption (voucher_id, programme_id, order_id, relay_id,"
                      + " face_value_cents, applied_cents, redeemed_at)"
                      + " select v.id, v.programme_id, ?, ?, p.face_value_cents, ?, ?"
                      + " from voucher v join voucher_programme p on p.id = v.programme_id"
                      + " where v.code = ? and ? between 0 and p.face_value_cents")
              .setParameter(1, orderId)
              .setParameter(2, relayId)
              .setParameter(3, share.appliedCents())
              .setParameter(4, Timestamp.valueOf(now))
              .setParameter(5, code.value())
              .setParameter(6, share.appliedCents())
              .executeUpdate();
      if (recorded != 1) {
        // the whole act rolls back with it, the voucher's update included
        throw BusinessException.unprocessable(
            "VOUCHER_NOT_APPLICABLE", "A voucher pays at most its face value");
      }
      audit.record(
          VoucherAudit.VOUCHER_REDEEMED,
          "Voucher",
          code.value(),
          "order " + orderId + ", relay " + relayId + ", " + share.appliedCents() + " cents");
      totals.merge(
          share.programmeId(),
          new RedemptionDays.Total(1, share.appliedCents()),
          RedemptionDays.Total::plus);
    }
    days.add(relayId, now.toLocalDate(), totals);
  }

  /**
   * A device the voucher paid for came back: the funder's share of it ({@code cents}) is reversed,
   * in a line of its own dated {@code now} (the redemption stays as it was, so that a statement
   * already agreed or paid keeps its lines; the next one nets the reversal). When the voucher pays
   * nothing else on the order any more ({@code reinstate}), it is ISSUED again under the same code,
   * to be used within its validity, by a conditional update of the REDEEMED row. The redemption row
   * is locked first, so reversals of one voucher queue up, and never more than the share it paid is
   * reversed (409 VOUCHER_NOT_REVERSIBLE); the same reference twice answers the same.
   *
   * @param reference what caused it (a return), unique per redemption
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void reverse(
      long orderId,
      String typedCode,
      long cents,
      boolean reinstate,
      String reference,
      LocalDateTime now) {
    VoucherCode code = parse(typedCode);
    List<?> found =
        em.createNativeQuery(
                "select r.id, r.voucher_id, r.programme_id, r.relay_id, r.face_value_cents,"
                    + " r.applied_cents from redemption r join voucher v on v.id = r.voucher_id"
                    + " where v.code = ? and r.order_id = ? for update")
            .setParameter(1, code.value())
            .setParameter(2, orderId)
            .getResultList();
    if (found.isEmpty()) {
      throw BusinessException.notFound("Redemption of this voucher by this order");
    }
    Object[] r = (Object[]) found.get(0);
    long redemptionId = ((Number) r[0]).longValue();
    long reversed =
        ((Number)
                em.createNativeQuery(
                        "select coalesce(sum(reversed_cents), 0) from redemption_reversal"
                            + " where redemption_id = ?")
                    .setParameter(1, redemptionId)
                    .getSingleResult())
            .longValue();
    boolean already =
        !em.createNativeQuery(
                "select id from redemption_reversal where redemption_id = ? and reference = ?")
            .setParameter(1, redemptionId)
            .setParameter(2, reference)
            .getResultList()
            .isEmpty();
    if (already) {
      return;
    }
    long applied = ((Number) r[5]).longValue();
    if (cents <= 0 || reversed + cents > applied) {
      throw BusinessException.conflict(
          "VOUCHER_NOT_REVERSIBLE",
          "Voucher " + code + " paid " + applied + " cents, " + reversed + " already reversed");
    }
    em.createNativeQuery(
            "insert into redemption_reversal (redemption_id, voucher_id, programme_id, order_id,"
                + " relay_id, face_value_cents, reversed_cents, reinstated, reversed_at, reference)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, redemptionId)
        .setParameter(2, ((Number) r[1]).longValue())
        .setParameter(3, ((Number) r[2]).longValue())
        .setParameter(4, orderId)
        .setParameter(5, ((Number) r[3]).longValue())
        .setParameter(6, ((Number) r[4]).longValue())
        .setParameter(7, cents)
        .setParameter(8, reinstate)
        .setParameter(9, Timestamp.valueOf(now))
        .setParameter(10, reference)
        .executeUpdate();
    audit.record(
        VoucherAudit.VOUCHER_REDEMPTION_REVERSED,
        "Voucher",
        code.value(),
        "order " + orderId + ", " + cents + " cents, " + reference);
    if (!reinstate) {
      return;
    }
    int rows =
        em.createNativeQuery(
                "update voucher set status = 'ISSUED', order_id = null, held_at = null,"
                    + " redeemed_at = null where code = ? and order_id = ? and status = 'REDEEMED'")
            .setParameter(1, code.value())
            .setParameter(2, orderId)
            .executeUpdate();
    if (rows != 1) {
      throw BusinessException.conflict(
          "VOUCHER_NOT_REVERSIBLE", "Voucher " + code + " is not redeemed by order " + orderId);
    }
    audit.record(VoucherAudit.VOUCHER_REINSTATED, "Voucher", code.value(), reference);
  }

  /**
   * The funder withdraws an ISSUED voucher (lost, handed out by mistake). Another authority's
   * voucher is NOT_FOUND; one that is held, used, expired or already cancelled is 409
   * VOUCHER_NOT_CANCELLABLE (API.md: only an ISSUED voucher can be cancelled), so that of two
   * cancellations, at once or one after the other, exactly one succeeds.
   */
  @Transactional
  public VoucherInfo cancel(String typedCode) {
    VoucherCode code = parse(typedCode);
    Voucher voucher = get(code);
    VoucherProgramme programme = programmes.getOwn(voucher.programmeId());
    LocalDateTime now = LocalDateTime.now(clock);
    int rows =
        em.createNativeQuery(
                "update voucher set status = 'CANCELLED', cancelled_at = ?"
                    + " where code = ? and status = 'ISSUED'")
            .setParameter(1, Timestamp.valueOf(now))
            .setParameter(2, code.value())
            .executeUpdate();
    em.refresh(voucher);
    if (rows != 1) {
      throw BusinessException.conflict(
          "VOUCHER_NOT_CANCELLABLE",
          voucher.status() == VoucherStatus.CANCELLED
              ? "This voucher is already cancelled"
              : "Only a voucher not yet used can be cancelled");
    }
    audit.record(
        VoucherAudit.VOUCHER_CANCELLED, "Voucher", code.value(), "programme " + programme.id());
    return info(voucher, programme, now.toLocalDate());
  }

  /**
   * Marks EXPIRED every ISSUED voucher whose programme's last accepted day is before {@code today};
   * each dated on its expiry day so that the credit back falls in the right month's statement. Held
   * vouchers are left to their order (released ones expire on the next run).
   *
   * @return how many vouchers expired
   */
  @Transactional
  public int expireOverdue(LocalDate today) {
    List<VoucherProgramme> ended =
        em.createNamedQuery("VoucherProgramme.findEndedBefore", VoucherProgramme.class)
            .setParameter("day", today)
            .getResultList();
    int total = 0;
    for (VoucherProgramme programme : ended) {
      if (!programme.isExpiredOn(today)) {
        continue;
      }
      int rows =
          em.createNativeQuery(
                  "update voucher set status = 'EXPIRED', expired_at = ?"
                      + " where programme_id = ? and status = 'ISSUED'")
              .setParameter(1, Timestamp.valueOf(programme.expiryDay().atStartOfDay()))
              .setParameter(2, programme.id())
              .executeUpdate();
      if (rows > 0) {
        audit.record(
            VoucherAudit.VOUCHERS_EXPIRED,
            "VoucherProgramme",
            programme.id(),
            rows + " vouchers expired on " + programme.expiryDay());
      }
      total += rows;
    }
    return total;
  }

  private Voucher get(VoucherCode code) {
    // as the database holds it now, though an earlier step of the transaction read it before a
    // conditional UPDATE: the query's row refreshes the managed copy (one SELECT, not two)
    return em.createNamedQuery("Voucher.findByCode", Voucher.class)
        .setParameter("code", code.value())
        .setHint("eclipselink.refresh", "true")
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> BusinessException.notFound("Voucher"));
  }

  /** A voucher and its programme. */
  private record WithProgramme(Voucher voucher, VoucherProgramme programme) {}

  /**
   * The voucher and its programme in one query (not one for each), the voucher as {@link #get}
   * reads it: as the database holds it now.
   */
  private WithProgramme withProgramme(VoucherCode code) {
    return em.createQuery(
            "select v, p from Voucher v, VoucherProgramme p"
                + " where v.code = :code and p.id = v.programmeId",
            Object[].class)
        .setParameter("code", code.value())
        .setHint("eclipselink.refresh", "true")
        .getResultStream()
        .findFirst()
        .map(row -> new WithProgramme((Voucher) row[0], (VoucherProgramme) row[1]))
        .orElseThrow(() -> BusinessException.notFound("Voucher"));
  }

  private VoucherInfo info(Voucher voucher, VoucherProgramme programme, LocalDate day) {
    return info(voucher, programme, voucher.statusOn(day, programme), voucher.orderId());
  }

  private VoucherInfo info(
      Voucher voucher, VoucherProgramme programme, VoucherStatus status, Long orderId) {
    return new VoucherInfo(
        voucher.groupedCode(),
        programme.faceValue().cents(),
        status,
        programme.validUntil(),
        programme.lastDayAccepted(),
        programme.id(),
        programme.name(),
        programme.kind(),
        programme.authorityId(),
        programmes.funderName(programme),
        programme.nominative(),
        voucher.beneficiaryRef(),
        new ArrayList<>(programme.prefixes()),
        orderId);
  }
}
