package fr.secondevie.sales.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.sales.control.SalesJournal.Amounts;
import fr.secondevie.sales.control.SalesJournal.Kind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The journal's hash is a published rule (the verification and any auditor recompute it): the
 * reused digest of the verification gives, entry after entry, exactly the SHA-256 of the fields
 * joined by {@code |} that every entry was written with.
 */
class SalesJournalHashTest {

  @Test
  void theReusedDigestHashesEachEntryAsTheRuleSays() throws Exception {
    SalesJournal.Hasher hasher = new SalesJournal.Hasher();
    String previous = SalesJournal.GENESIS;
    LocalDateTime at = LocalDateTime.of(2026, 12, 1, 17, 5, 3, 123_456_789);
    for (int seq = 1; seq <= 3; seq++) {
      Long order = seq == 3 ? null : 40L + seq;
      String expected =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(
                          String.join(
                                  "|",
                                  previous,
                                  "7",
                                  String.valueOf(seq),
                                  "2026-12-01T17:05:03.123456",
                                  "SALE",
                                  order == null ? "" : order.toString(),
                                  "",
                                  "1500",
                                  "500",
                                  "0",
                                  "1000",
                                  String.valueOf(1500L * seq))
                              .getBytes(StandardCharsets.UTF_8)));
      assertThat(
              hasher.hash(
                  previous, 7, seq, at, Kind.SALE, order, null, 1500, 500, 0, 1000, 1500L * seq))
          .isEqualTo(expected);
      assertThat(
              SalesJournal.hash(
                  previous,
                  7,
                  seq,
                  at,
                  Kind.SALE,
                  order,
                  null,
                  1500,
                  new Amounts(500, 0, 1000),
                  1500L * seq))
          .isEqualTo(expected);
      previous = expected;
    }
  }
}
