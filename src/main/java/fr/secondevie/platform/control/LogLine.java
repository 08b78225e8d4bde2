package fr.secondevie.platform.control;

/**
 * A log message as {@code key=value} pairs, the first one {@code event=...}, so that a log
 * collector (or {@code grep incident=}) finds every line about an incident, a job or a batch
 * without parsing prose. A value with a space, a quote or an equals sign is quoted, its quotes and
 * backslashes escaped; line breaks become spaces, so a record stays on one line.
 */
public final class LogLine {

  private final StringBuilder text = new StringBuilder();

  private LogLine(String event) {
    text.append("event=").append(event);
  }

  public static LogLine of(String event) {
    return new LogLine(event);
  }

  public LogLine with(String key, Object value) {
    text.append(' ').append(key).append('=').append(quoted(value));
    return this;
  }

  static String quoted(Object value) {
    if (value == null) {
      return "-";
    }
    String s = value.toString().replace('\n', ' ').replace('\r', ' ');
    if (s.isEmpty()) {
      return "\"\"";
    }
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = c > ' ' && c != '"' && c != '=' && c != '\\';
    }
    return plain ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
