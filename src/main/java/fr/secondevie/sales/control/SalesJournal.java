package fr.secondevie.sales.control;

import fr.secondevie.platform.control.DataSourceConfig;
import fr.secondevie.platform.control.FirstRows;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;

/**
 * The relay's sales journal (CGI art. 286 I 3° bis: inalterability, security, keeping and
 * archiving): every sale, refund and closing is an entry in one unbroken series per relay, chained
 * to the one before by SHA-256 over the previous hash and the entry's own fields, with a grand
 * total of sales less refunds that never resets. Entries are appended in the transaction of the act
 * they record, under the row lock of the relay's head row, so the series has neither gaps nor forks
 * whatever the number of counters or instances; nothing updates or deletes them (PostgreSQL refuses
 * it). {@link #verify} recomputes the whole chain from the entries alone and names the first entry
 * that does not match.
 */
@ApplicationScoped
public class SalesJournal {

  /** The hash before the first entry of a relay. */
  public static final String GENESIS = "0".repeat(64);

  /** What an entry records. */
  public enum Kind {
    SALE,
    REFUND,
    CLOSING
  }

  /** One entry, as stored and as the API shows it. */
  public record Entry(
      long relayId,
      long seq,
      LocalDateTime at,
      Kind kind,
      Long orderId,
      Long cashSessionId,
      long amountCents,
      long cashCents,
      long cardCents,
      long voucherCents,
      long grandTotalCents,
      String previousHash,
      String hash) {}

  /** What the verification found: entries read, the first that breaks the chain, the total. */
  public record Verification(
      long relayId, long entries, boolean valid, Long firstInvalidSeq, long grandTotalCents) {}

  /** The amounts an entry records, by means of payment. */
  public record Amounts(long cashCents, long cardCents, long voucherCents) {
    public long totalCents() {
      return cashCents + cardCents + voucherCents;
    }

    Amounts negated() {
      return new Amounts(-cashCents, -cardCents, -voucherCents);
    }
  }

  /** Rows the verification's cursor reads at a time. */
  static final int FETCH = 5_000;

  @Resource(lookup = DataSourceConfig.JNDI_NAME)
  DataSource dataSource;

  @PersistenceContext EntityManager em;
  @Inject FirstRows firstRows;

  /**
   * Appends an entry for an act of the relay, in the act's transaction: the relay's head row is
   * locked until commit, so a rolled-back act leaves no entry and no gap. A sale adds its total to
   * the grand total, a refund (its amounts given positive) takes it off, a closing leaves it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Entry append(
      long relayId,
      Kind kind,
      Long orderId,
      Long cashSessionId,
      Amounts amounts,
      LocalDateTime at) {
    Object[] head = lockHead(relayId);
    long seq = ((Number) head[0]).longValue() + 1;
    String previous = (String) head[1];
    Amounts signed = kind == Kind.REFUND ? amounts.negated() : amounts;
    long grandTotal =
        ((Number) head[2]).longValue() + (kind == Kind.CLOSING ? 0 : signed.totalCents());
    LocalDateTime stamped = at.truncatedTo(ChronoUnit.MICROS);
    String hash =
        hash(
            previous,
            relayId,
            seq,
            stamped,
            kind,
            orderId,
            cashSessionId,
            signed.totalCents(),
            signed,
            grandTotal);
    em.createNativeQuery(
            "insert into sales_journal (relay_id, seq, recorded_at, kind, order_id, cash_session_id,"
                + " amount_cents, cash_cents, card_cents, voucher_cents, grand_total_cents,"
                + " previous_hash, hash) values (?, ?, ?, ?, cast(? as bigint), cast(? as bigint),"
                // (typed: PostgreSQL refuses an untyped null for a bigint column)
                + " ?, ?, ?, ?, ?, ?, ?)")
        .setParameter(1, relayId)
        .setParameter(2, seq)
        .setParameter(3, Timestamp.valueOf(stamped))
        .setParameter(4, kind.name())
        .setParameter(5, orderId)
        .setParameter(6, cashSessionId)
        .setParameter(7, signed.totalCents())
        .setParameter(8, signed.cashCents())
        .setParameter(9, signed.cardCents())
        .setParameter(10, signed.voucherCents())
        .setParameter(11, grandTotal)
        .setParameter(12, previous)
        .setParameter(13, hash)
        .executeUpdate();
    em.createNativeQuery(
            "update sales_journal_head set last_seq = ?, last_hash = ?, grand_total_cents = ?"
                + " where relay_id = ?")
        .setParameter(1, seq)
        .setParameter(2, hash)
        .setParameter(3, grandTotal)
        .setParameter(4, relayId)
        .executeUpdate();
    return new Entry(
        relayId,
        seq,
        stamped,
        kind,
        orderId,
        cashSessionId,
        signed.totalCents(),
        signed.cashCents(),
        signed.cardCents(),
        signed.voucherCents(),
        grandTotal,
        previous,
        hash);
  }

  /** The sales and refunds recorded since the relay's last closing: what a closing sums up. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Entry> sinceLastClosing(long relayId) {
    Number last =
        (Number)
            em.createNativeQuery(
                    "select coalesce(max(seq), 0) from sales_journal"
                        + " where relay_id = ? and kind = 'CLOSING'")
                .setParameter(1, relayId)
                .getSingleResult();
    return page(relayId, last.longValue(), Long.MAX_VALUE, null, null, Integer.MAX_VALUE);
  }

  /** The entries of a relay between two moments (either may be open), in order. */
  @Transactional
  public List<Entry> between(long relayId, LocalDateTime from, LocalDateTime to, int limit) {
    return page(relayId, 0, Long.MAX_VALUE, from, to, limit);
  }

  /**
   * Recomputes the relay's chain from its first entry: each entry's sequence, previous hash, grand
   * total and hash must follow from the one before. The entries are read in one query through a
   * cursor ({@value #FETCH} rows at a time) on a connection of its own, outside any transaction,
   * and checked as they come, with no object kept per entry and one digest for the whole chain: a
   * journal of 100,000 entries verifies in well under 2 s. A single query reads one consistent
   * state of the journal, which is only ever appended to.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Verification verify(long relayId) {
    String sql =
        "select seq, recorded_at, kind, order_id, cash_session_id, amount_cents, cash_cents,"
            + " card_cents, voucher_cents, grand_total_cents, previous_hash, hash"
            + " from sales_journal where relay_id = ? order by seq";
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement query = connection.prepareStatement(sql)) {
        query.setFetchSize(FETCH);
        query.setLong(1, relayId);
        try (ResultSet rows = query.executeQuery()) {
          return verify(relayId, rows);
        }
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The journal of relay " + relayId + " could not be read", e);
    }
  }

  private static Verification verify(long relayId, ResultSet rows) throws SQLException {
    Hasher hasher = new Hasher();
    String previous = GENESIS;
    long expectedSeq = 1;
    long grandTotal = 0;
    long count = 0;
    while (rows.next()) {
      count++;
      long seq = rows.getLong(1);
      LocalDateTime at = rows.getObject(2, LocalDateTime.class);
      Kind kind = Kind.valueOf(rows.getString(3));
      long orderId = rows.getLong(4);
      Long order = rows.wasNull() ? null : orderId;
      long sessionId = rows.getLong(5);
      Long session = rows.wasNull() ? null : sessionId;
      long amount = rows.getLong(6);
      long cash = rows.getLong(7);
      long card = rows.getLong(8);
      long voucher = rows.getLong(9);
      long entryTotal = rows.getLong(10);
      String previousHash = rows.getString(11);
      String hash = rows.getString(12);
      long nextTotal = grandTotal + (kind == Kind.CLOSING ? 0 : amount);
      if (seq != expectedSeq
          || !previous.equals(previousHash)
          || cash + card + voucher != amount
          || nextTotal != entryTotal
          || !hasher
              .hash(
                  previous,
                  relayId,
                  seq,
                  at,
                  kind,
                  order,
                  session,
                  amount,
                  cash,
                  card,
                  voucher,
                  entryTotal)
              .equals(hash)) {
        return new Verification(relayId, count, false, seq, grandTotal);
      }
      previous = hash;
      grandTotal = nextTotal;
      expectedSeq++;
    }
    return new Verification(relayId, count, true, null, grandTotal);
  }

  private List<Entry> page(
      long relayId, long afterSeq, long untilSeq, LocalDateTime from, LocalDateTime to, int limit) {
    var query =
        em.createNativeQuery(
                "select seq, recorded_at, kind, order_id, cash_session_id, amount_cents, cash_cents,"
                    + " card_cents, voucher_cents, grand_total_cents, previous_hash, hash"
                    + " from sales_journal where relay_id = ?1 and seq > ?2 and seq <= ?3"
                    + (from == null ? "" : " and recorded_at >= ?5")
                    + (to == null ? "" : " and recorded_at < ?6")
                    + " order by seq")
            .setParameter(1, relayId)
            .setParameter(2, afterSeq)
            .setParameter(3, untilSeq);
    if (from != null) {
      query.setParameter(5, Timestamp.valueOf(from));
    }
    if (to != null) {
      query.setParameter(6, Timestamp.valueOf(to));
    }
    if (limit < Integer.MAX_VALUE) {
      query.setMaxResults(limit);
    }
    List<Entry> entries = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      entries.add(
          new Entry(
              relayId,
              ((Number) r[0]).longValue(),
              toLocal(r[1]),
              Kind.valueOf((String) r[2]),
              r[3] == null ? null : ((Number) r[3]).longValue(),
              r[4] == null ? null : ((Number) r[4]).longValue(),
              ((Number) r[5]).longValue(),
              ((Number) r[6]).longValue(),
              ((Number) r[7]).longValue(),
              ((Number) r[8]).longValue(),
              ((Number) r[9]).longValue(),
              (String) r[10],
              (String) r[11]));
    }
    return entries;
  }

  private static LocalDateTime toLocal(Object value) {
    return value instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
  }

  /**
   * Locks the relay's head row until commit (creating it the first time): what the relay's journal
   * holds cannot change meanwhile.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Object[] lockHead(long relayId) {
    for (int attempt = 0; attempt < 2; attempt++) {
      List<?> rows =
          em.createNativeQuery(
                  "select last_seq, last_hash, grand_total_cents from sales_journal_head"
                      + " where relay_id = ? for update")
              .setParameter(1, relayId)
              .getResultList();
      if (!rows.isEmpty()) {
        return (Object[]) rows.get(0);
      }
      firstRows.open(
          "insert into sales_journal_head (relay_id, last_seq, last_hash, grand_total_cents)"
              + " select ?, 0, ?, 0 where not exists (select 1 from sales_journal_head"
              + " where relay_id = ?)",
          relayId,
          GENESIS,
          relayId);
    }
    throw new IllegalStateException("No journal head for relay " + relayId);
  }

  /**
   * The entry's hash: SHA-256, in hexadecimal, of the previous hash and the entry's fields joined
   * by {@code |} (the time in ISO form to the microsecond, absent ids as empty fields).
   */
  static String hash(
      String previous,
      long relayId,
      long seq,
      LocalDateTime at,
      Kind kind,
      Long orderId,
      Long cashSessionId,
      long amountCents,
      Amounts amounts,
      long grandTotalCents) {
    return new Hasher()
        .hash(
            previous,
            relayId,
            seq,
            at,
            kind,
            orderId,
            cashSessionId,
            amountCents,
            amounts.cashCents(),
            amounts.cardCents(),
            amounts.voucherCents(),
            grandTotalCents);
  }

  /** The entries' hash, with one digest and one buffer for as many entries as a caller hashes. */
  static final class Hasher {
    private final MessageDigest sha;
    private final StringBuilder fields = new StringBuilder(256);
    private final HexFormat hex = HexFormat.of();

    Hasher() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException impossible) {
        throw new IllegalStateException(impossible);
      }
    }

    String hash(
        String previous,
        long relayId,
        long seq,
        LocalDateTime at,
        Kind kind,
        Long orderId,
        Long cashSessionId,
        long amountCents,
        long cashCents,
        long cardCents,
        long voucherCents,
        long grandTotalCents) {
      fields.setLength(0);
      fields
          .append(previous)
          .append('|')
          .append(relayId)
          .append('|')
          .append(seq)
          .append('|')
          .append(at.truncatedTo(ChronoUnit.MICROS))
          .append('|')
          .append(kind.name())
          .append('|')
          .append(orderId == null ? "" : orderId.toString())
          .append('|')
          .append(cashSessionId == null ? "" : cashSessionId.toString())
          .append('|')
          .append(amountCents)
          .append('|')
          .append(cashCents)
          .append('|')
          .append(cardCents)
          .append('|')
          .append(voucherCents)
          .append('|')
          .append(grandTotalCents);
      sha.reset();
      return hex.formatHex(sha.digest(fields.toString().getBytes(StandardCharsets.UTF_8)));
    }
  }
}
