package fr.secondevie.platform.control;

import fr.secondevie.platform.entity.AuditAction;
import fr.secondevie.platform.entity.AuditEntry;
import fr.secondevie.platform.security.AuthenticatedCaller;
import fr.secondevie.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The audit trail the use cases write to: every act that moves money, a voucher, a device or a
 * decision records who did it, for which organisation, on which record, in the transaction of the
 * act itself (so a rolled-back act leaves no entry).
 */
@ApplicationScoped
public class AuditTrail {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;

  /**
   * Records an act of the current caller, or of the system when there is none: an anonymous
   * request, or a job or background thread where there is no request to ask.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(AuditAction action, String recordType, Object recordId, String details) {
    record(action.name(), recordType, recordId, details);
  }

  /**
   * The same with the action's name, for the acts whose name is made of a state ({@code "ORDER_" +
   * outcome}); a fixed act uses its capability's {@link AuditAction}.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String action, String recordType, Object recordId, String details) {
    AuthenticatedCaller who = currentCaller();
    write(
        new AuditEntry(
                LocalDateTime.now(clock),
                who == null ? "system" : who.username(),
                who == null ? null : who.organisationId(),
                action,
                recordType,
                recordId == null ? null : recordId.toString(),
                details)
            .inTerritory(who == null ? null : who.territoryId()));
  }

  /**
   * Records an act addressed to a territory by someone who has no account there yet (a visitor
   * asking to join, a person activating an account): the territory's coordination reads it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordInTerritory(
      long territoryId, AuditAction action, String recordType, Object recordId, String details) {
    AuthenticatedCaller who = currentCaller();
    write(
        new AuditEntry(
                LocalDateTime.now(clock),
                who == null ? "anonymous" : who.username(),
                who == null ? null : who.organisationId(),
                action.name(),
                recordType,
                recordId == null ? null : recordId.toString(),
                details)
            .inTerritory(territoryId));
  }

  /** What a reader of the trail asks for: every criterion may be absent. */
  public record Filter(
      Long territoryId, LocalDateTime from, LocalDateTime to, String recordType, String username) {}

  /** A page of entries, newest first, and how many match in all. */
  public record Page(List<AuditEntry> entries, long total, int page, int size) {}

  /**
   * The entries that match, newest first, one page of them. A coordination's reading is scoped by
   * its territory in the query itself ({@code territoryId}); the national coordination's is not.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page search(Filter filter, int page, int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    java.util.Map<String, Object> parameters = new java.util.LinkedHashMap<>();
    if (filter.territoryId() != null) {
      where.append(" and a.territoryId = :territory");
      parameters.put("territory", filter.territoryId());
    }
    if (filter.from() != null) {
      where.append(" and a.occurredAt >= :from");
      parameters.put("from", filter.from());
    }
    if (filter.to() != null) {
      where.append(" and a.occurredAt < :to");
      parameters.put("to", filter.to());
    }
    if (filter.recordType() != null) {
      where.append(" and a.recordType = :type");
      parameters.put("type", filter.recordType());
    }
    if (filter.username() != null) {
      where.append(" and a.username = :username");
      parameters.put("username", filter.username());
    }
    var count = em.createQuery("select count(a) from AuditEntry a" + where, Long.class);
    var select =
        em.createQuery(
            "select a from AuditEntry a" + where + " order by a.occurredAt desc, a.id desc",
            AuditEntry.class);
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          select.setParameter(name, value);
        });
    List<AuditEntry> entries =
        select.setFirstResult(page * size).setMaxResults(size).getResultList();
    return new Page(entries, count.getSingleResult(), page, size);
  }

  /** Records an act done on behalf of a named user by a background job. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAs(
      String username,
      Long organisationId,
      AuditAction action,
      String recordType,
      Object recordId,
      String details) {
    write(
        new AuditEntry(
                LocalDateTime.now(clock),
                username,
                organisationId,
                action.name(),
                recordType,
                recordId == null ? null : recordId.toString(),
                details)
            .inTerritory(organisationId == null ? null : territoryOf(organisationId)));
  }

  /**
   * Writes an entry by a plain INSERT in the act's transaction: the trail is append-only, nobody
   * reads an entry back in the act that wrote it, so it needs neither the persistence context nor
   * its generated id (with IDENTITY, EclipseLink asks PostgreSQL for it in a second round trip).
   */
  private void write(AuditEntry entry) {
    em.createNativeQuery(
            "insert into audit_entry (occurred_at, username, organisation_id, territory_id,"
                + " action, record_type, record_id, details)"
                // a null id is bound untyped: PostgreSQL takes it for a varchar unless told
                + " values (?, ?, cast(? as bigint), cast(? as bigint), ?, ?, ?, ?)")
        .setParameter(1, Timestamp.valueOf(entry.occurredAt()))
        .setParameter(2, entry.username())
        .setParameter(3, entry.organisationId())
        .setParameter(4, entry.territoryId())
        .setParameter(5, entry.action())
        .setParameter(6, entry.recordType())
        .setParameter(7, entry.recordId())
        .setParameter(8, entry.details())
        .executeUpdate();
  }

  /** The territory of an organisation, from the directory's published read model. */
  private Long territoryOf(long organisationId) {
    List<?> rows =
        em.createNativeQuery("select territory_id from organisation_name where id = ?")
            .setParameter(1, organisationId)
            .getResultList();
    return rows.isEmpty() || rows.get(0) == null ? null : ((Number) rows.get(0)).longValue();
  }

  private AuthenticatedCaller currentCaller() {
    try {
      return caller.current().orElse(null);
    } catch (RuntimeException noRequestContext) {
      return null;
    }
  }

  public List<AuditEntry> of(String recordType, Object recordId) {
    return em.createNamedQuery("AuditEntry.findByRecord", AuditEntry.class)
        .setParameter("type", recordType)
        .setParameter("id", recordId.toString())
        .getResultList();
  }
}
