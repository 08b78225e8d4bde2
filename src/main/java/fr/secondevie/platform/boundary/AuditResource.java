package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.AuditTrail.Filter;
import fr.secondevie.platform.control.ClockProducer;
import fr.secondevie.platform.entity.AuditEntry;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The audit trail for the coordination: its territory's entries only (scoped in the query); the
 * national coordination's: every territory's. Newest first, a page at a time ({@code page} from 0,
 * {@code size} 1 to {@value #MAX_SIZE}, {@value #DEFAULT_SIZE} by default), filtered by period
 * ({@code from} and {@code to}: days, both included, or instants with their offset), by the kind of
 * record ({@code entity}: {@code Donation}, {@code AppUser}...) and by user name.
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 200;

  /** One entry. */
  public record EntryView(
      long id,
      OffsetDateTime at,
      String username,
      Long organisationId,
      Long territoryId,
      String action,
      String entity,
      String recordId,
      String details) {
    static EntryView of(AuditEntry e) {
      return new EntryView(
          e.id(),
          e.occurredAt().atZone(ClockProducer.BUSINESS_ZONE).toOffsetDateTime(),
          e.username(),
          e.organisationId(),
          e.territoryId(),
          e.action(),
          e.recordType(),
          e.recordId(),
          e.details());
    }
  }

  /** A page of the trail, as the catalogue pages: the items, how many in all, which page. */
  public record PageView(List<EntryView> items, long total, int page, int size) {}

  @Inject AuditTrail trail;
  @Inject Caller caller;

  @GET
  @RolesAllowed({Roles.ADMIN, Roles.NATIONAL})
  public PageView entries(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("entity") String entity,
      @QueryParam("user") String user,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Filter filter =
        new Filter(
            caller.hasRole(Roles.NATIONAL) ? null : caller.territoryId(),
            moment("from", from, false),
            moment("to", to, true),
            text("entity", entity, 60),
            text("user", user, 100));
    int p = number("page", page, 0, 0, 100_000);
    int s = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
    AuditTrail.Page found = trail.search(filter, p, s);
    return new PageView(found.entries().stream().map(EntryView::of).toList(), found.total(), p, s);
  }

  /** A day (from its start; {@code to}: to its end) or an instant with its offset. */
  static LocalDateTime moment(String field, String value, boolean end) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return (end ? day.plusDays(1) : day).atStartOfDay();
      }
      return OffsetDateTime.parse(value)
          .atZoneSameInstant(ClockProducer.BUSINESS_ZONE)
          .toLocalDateTime();
    } catch (DateTimeParseException e) {
      throw BusinessException.invalid(
          field, "must be a day as 2026-12-01 or an instant as 2026-12-01T14:05:00+01:00");
    }
  }

  private static String text(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
      throw BusinessException.invalid(field, "at most " + max + " characters, no control ones");
    }
    return value.strip();
  }

  private static int number(String field, String value, int absent, int min, int max) {
    if (value == null || value.isBlank()) {
      return absent;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw BusinessException.invalid(field, "must be a whole number from " + min + " to " + max);
  }
}
