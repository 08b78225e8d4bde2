package fr.secondevie.sales.boundary;

import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.sales.control.CashSessions;
import fr.secondevie.sales.control.SalesJournal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A relay's inalterable sales journal (API.md second part, "Journal"): its entries between two
 * days, and the verification of its whole chain.
 */
@Path("relays/{id}/journal")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JournalResource {

  /** An entry as API.md names it. */
  public record EntryView(
      long seq,
      OffsetDateTime at,
      String kind,
      Long orderId,
      Long cashSessionId,
      long amountCents,
      long cashCents,
      long cardCents,
      long voucherCents,
      long grandTotalCents,
      String previousHash,
      String hash) {}

  /** What the verification found. */
  public record VerificationView(
      long entries, boolean valid, Long firstInvalidSeq, long grandTotalCents) {}

  /** At most this many entries in one answer: ask by days for more. */
  static final int MAX_ENTRIES = 10_000;

  @Inject SalesJournal journal;
  @Inject CashSessions sessions;
  @Inject Clock clock;

  @GET
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public List<EntryView> entries(
      @PathParam("id") long relayId, @QueryParam("from") String from, @QueryParam("to") String to) {
    sessions.requireRelay(relayId);
    LocalDate first = day("from", from);
    LocalDate last = day("to", to);
    return journal
        .between(
            relayId,
            first == null ? null : first.atStartOfDay(),
            last == null ? null : last.plusDays(1).atStartOfDay(),
            MAX_ENTRIES)
        .stream()
        .map(
            e ->
                new EntryView(
                    e.seq(),
                    CashSessionsResource.offset(e.at(), clock),
                    e.kind().name(),
                    e.orderId(),
                    e.cashSessionId(),
                    e.amountCents(),
                    e.cashCents(),
                    e.cardCents(),
                    e.voucherCents(),
                    e.grandTotalCents(),
                    e.previousHash(),
                    e.hash()))
        .toList();
  }

  @GET
  @Path("verification")
  @RolesAllowed({Roles.COUNTER, Roles.ADMIN})
  public VerificationView verification(@PathParam("id") long relayId) {
    sessions.requireRelay(relayId);
    SalesJournal.Verification v = journal.verify(relayId);
    return new VerificationView(v.entries(), v.valid(), v.firstInvalidSeq(), v.grandTotalCents());
  }

  private static LocalDate day(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw BusinessException.invalid(field, "must be a day as 2026-12-01");
    }
  }
}
