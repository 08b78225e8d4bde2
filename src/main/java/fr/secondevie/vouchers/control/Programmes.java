package fr.secondevie.vouchers.control;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.vouchers.entity.VoucherAudit;
import fr.secondevie.vouchers.entity.VoucherKind;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The programmes an authority funds. A funder sees and acts on its own authority's programmes only
 * (another one's is "not found"); the admin reads them all.
 */
@ApplicationScoped
public class Programmes {

  /** A programme as its funder defines it. */
  public record NewProgramme(
      String name,
      VoucherKind kind,
      long faceValueCents,
      LocalDate validFrom,
      LocalDate validUntil,
      int toleranceDays,
      boolean nominative,
      List<String> postalCodePrefixes,
      String conditions) {}

  /**
   * What Chorus Pro asks of the invoices the programme pays: the funder's service code and the
   * legal commitment number (either may be blank).
   */
  public record InvoicingReferences(String serviceCode, String commitmentNumber) {
    public static final InvoicingReferences NONE = new InvoicingReferences(null, null);
  }

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Directory directory;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  @Transactional
  public VoucherProgramme create(NewProgramme p) {
    return create(p, InvoicingReferences.NONE);
  }

  @Transactional
  public VoucherProgramme create(NewProgramme p, InvoicingReferences references) {
    Organisation authority = directory.getOrganisation(caller.organisationId());
    if (authority.kind() != OrganisationKind.AUTHORITY) {
      throw BusinessException.unprocessable(
          "NOT_AN_AUTHORITY", "Only an authority funds voucher programmes");
    }
    VoucherProgramme programme = define(authority.id(), p);
    invoicedThrough(programme, references);
    audit.record(
        VoucherAudit.VOUCHER_PROGRAMME_CREATED,
        "VoucherProgramme",
        programme.id(),
        programme.name() + ", " + programme.kind() + ", " + programme.faceValue());
    return programme;
  }

  /** Stores a programme of an authority without a caller to audit: the system's own (demo data). */
  @Transactional
  public VoucherProgramme define(long authorityId, NewProgramme p) {
    VoucherProgramme programme;
    try {
      programme =
          new VoucherProgramme(
              authorityId,
              p.name(),
              p.kind(),
              Money.ofCents(p.faceValueCents()),
              p.validFrom(),
              p.validUntil(),
              p.toleranceDays(),
              p.nominative(),
              p.postalCodePrefixes() == null ? List.of() : p.postalCodePrefixes(),
              p.conditions(),
              LocalDateTime.now(clock));
    } catch (IllegalArgumentException e) {
      throw BusinessException.badRequest("INVALID_INPUT", e.getMessage());
    }
    em.persist(programme);
    em.flush();
    return programme;
  }

  /** The funder sets the references its invoices are to carry (Chorus Pro's service code...). */
  @Transactional
  public VoucherProgramme setInvoicingReferences(long id, InvoicingReferences references) {
    VoucherProgramme programme = getOwn(id);
    invoicedThrough(programme, references);
    audit.record(
        VoucherAudit.VOUCHER_PROGRAMME_INVOICING_SET,
        "VoucherProgramme",
        programme.id(),
        "service " + programme.serviceCode() + ", commitment " + programme.commitmentNumber());
    return programme;
  }

  private static void invoicedThrough(VoucherProgramme programme, InvoicingReferences r) {
    try {
      programme.invoicedThrough(r.serviceCode(), r.commitmentNumber());
    } catch (IllegalArgumentException e) {
      throw BusinessException.invalid(
          e.getMessage().startsWith("A service code") ? "serviceCode" : "commitmentNumber",
          e.getMessage());
    }
  }

  /** The caller's programmes: its authority's, or its territory's for the admin. */
  public List<VoucherProgramme> visible() {
    if (caller.hasRole(Roles.ADMIN)) {
      return em.createNamedQuery("VoucherProgramme.findOfTerritory", VoucherProgramme.class)
          .setParameter("territory", caller.territoryId())
          .getResultList();
    }
    return em.createNamedQuery("VoucherProgramme.findByAuthority", VoucherProgramme.class)
        .setParameter("authority", caller.organisationId())
        .getResultList();
  }

  /** A programme the caller may read (admin: its territory's), else NOT_FOUND. */
  public VoucherProgramme getVisible(long id) {
    if (caller.hasRole(Roles.ADMIN)) {
      return em.createNamedQuery("VoucherProgramme.findOneOfTerritory", VoucherProgramme.class)
          .setParameter("id", id)
          .setParameter("territory", caller.territoryId())
          .getResultStream()
          .findFirst()
          .orElseThrow(() -> BusinessException.notFound("Voucher programme"));
    }
    return getOwn(id);
  }

  /** A programme of the caller's own authority, else NOT_FOUND (even for the admin). */
  public VoucherProgramme getOwn(long id) {
    return em.createNamedQuery("VoucherProgramme.findOwn", VoucherProgramme.class)
        .setParameter("id", id)
        .setParameter("authority", caller.organisationId())
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> BusinessException.notFound("Voucher programme"));
  }

  public Optional<VoucherProgramme> find(long id) {
    return Optional.ofNullable(em.find(VoucherProgramme.class, id));
  }

  public String funderName(VoucherProgramme programme) {
    return directory.identity(programme.authorityId()).map(Directory.Identity::name).orElse("");
  }

  public long countAll() {
    return em.createQuery("select count(p) from VoucherProgramme p", Long.class).getSingleResult();
  }
}
