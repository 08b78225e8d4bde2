package fr.secondevie.platform.boundary;

import fr.secondevie.platform.control.AuditTrail;
import fr.secondevie.platform.control.AuditTrail.Filter;
import fr.secondevie.platform.control.ClockProducer;
import fr.secondevie.platform.entity.AuditEntry;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The audit trail's page for the coordination (its territory's entries) and the national
 * coordination (all): filters in the address (a plain GET form, so a view can be bookmarked),
 * newest first, {@value #SIZE} a page, each moment with its offset ("01/12/2026 14:05 +01:00").
 */
@Named
@RequestScoped
public class AuditBacking {

  static final int SIZE = 50;

  @Inject AuditTrail trail;
  @Inject Caller caller;
  @Inject I18n i18n;

  private String from;
  private String to;
  private String entity;
  private String user;
  private int page;
  private AuditTrail.Page found;

  @PostConstruct
  void load() {
    Map<String, String> parameters =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    from = parameters.get("from");
    to = parameters.get("to");
    entity = blankToNull(parameters.get("entity"));
    user = blankToNull(parameters.get("user"));
    try {
      page = Math.max(0, Math.min(100_000, Integer.parseInt(parameters.getOrDefault("page", "0"))));
    } catch (NumberFormatException e) {
      page = 0;
    }
    try {
      found =
          trail.search(
              new Filter(
                  caller.hasRole(Roles.NATIONAL) ? null : caller.territoryId(),
                  AuditResource.moment("from", from, false),
                  AuditResource.moment("to", to, true),
                  entity == null || entity.length() > 60 ? null : entity,
                  user == null || user.length() > 100 ? null : user),
              page,
              SIZE);
    } catch (BusinessException e) {
      PageMessages.info("audit.badPeriod");
      found =
          trail.search(
              new Filter(
                  caller.hasRole(Roles.NATIONAL) ? null : caller.territoryId(),
                  null,
                  null,
                  null,
                  null),
              0,
              SIZE);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** "01/12/2026 14:05 +01:00": the moment in France with its offset. */
  public String at(AuditEntry entry) {
    boolean french = i18n.getLocale().getLanguage().equals("fr");
    return entry
        .occurredAt()
        .atZone(ClockProducer.BUSINESS_ZONE)
        .format(
            DateTimeFormatter.ofPattern(
                french ? "dd/MM/yyyy HH:mm xxx" : "d MMM yyyy, HH:mm xxx",
                french ? Locale.FRENCH : Locale.ENGLISH));
  }

  public List<AuditEntry> getEntries() {
    return found.entries();
  }

  public long getTotal() {
    return found.total();
  }

  public int getPage() {
    return page;
  }

  public boolean isHasPrevious() {
    return page > 0;
  }

  public boolean isHasNext() {
    return (long) (page + 1) * SIZE < found.total();
  }

  public int getPages() {
    return (int) Math.max(1, (found.total() + SIZE - 1) / SIZE);
  }

  /** The address of another page with the same filters. */
  public String pageUrl(int other) {
    StringBuilder url = new StringBuilder("?page=").append(other);
    append(url, "from", from);
    append(url, "to", to);
    append(url, "entity", entity);
    append(url, "user", user);
    return url.toString();
  }

  private static void append(StringBuilder url, String name, String value) {
    if (value != null && !value.isBlank()) {
      url.append('&')
          .append(name)
          .append('=')
          .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  public String getFrom() {
    return from;
  }

  public String getTo() {
    return to;
  }

  public String getEntity() {
    return entity;
  }

  public String getUser() {
    return user;
  }
}
