package fr.secondevie.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Audits the page in the browser with axe-core (Deque's engine, the one behind most accessibility
 * checkers) against WCAG 2.1 levels A and AA: labels, names, contrast, landmarks, language, lists,
 * ARIA. It cannot judge plain words or a keyboard journey; the journeys test those.
 */
public final class Accessibility {

  private static final String AXE = load();

  private static final String RUN =
      """
      const done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
        .then(r => done(r.violations.map(v => v.id + ' [' + v.impact + '] ' + v.help + ': '
            + v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + n.failureSummary
                .replace(/\\s+/g, ' ')).join(' | '))))
        .catch(e => done(['axe could not run: ' + e]));
      """;

  private Accessibility() {}

  /** What axe finds wrong on the page now, one line per rule broken, with up to four places. */
  @SuppressWarnings("unchecked")
  public static List<String> violations(WebDriver browser) {
    JavascriptExecutor script = (JavascriptExecutor) browser;
    script.executeScript(AXE);
    return (List<String>) script.executeAsyncScript(RUN);
  }

  private static String load() {
    try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
