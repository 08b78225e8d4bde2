package fr.secondevie.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A message with a parameter goes through MessageFormat, where a lone apostrophe swallows the rest
 * of the sentence ("jusqu'au {0}" would print "jusquau {0}"): it must be doubled.
 */
class MessageFormatTest {

  @ParameterizedTest
  @ValueSource(strings = {"messages_fr", "messages_en"})
  void parameterisedMessagesKeepTheirApostrophesAndParameters(String bundle) throws IOException {
    Properties messages = new Properties();
    try (InputStream in =
        getClass().getResourceAsStream("/fr/secondevie/i18n/" + bundle + ".properties")) {
      messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    for (String key : messages.stringPropertyNames()) {
      String pattern = messages.getProperty(key);
      if (pattern.matches("(?s).*\\{\\d}.*")) {
        // a number where the pattern says {n,number,...}, a word elsewhere
        java.text.Format[] formats = new MessageFormat(pattern).getFormatsByArgumentIndex();
        Object[] arguments = {"X", "Y", "Z"};
        for (int i = 0; i < formats.length && i < arguments.length; i++) {
          if (formats[i] instanceof java.text.NumberFormat) {
            arguments[i] = 7;
          }
        }
        String formatted = new MessageFormat(pattern).format(arguments);
        assertThat(formatted).as(key).doesNotContain("{0").containsAnyOf("X", "7");
        assertThat(formatted.chars().filter(c -> c == '\'').count())
            .as(key + ": apostrophes kept")
            .isEqualTo(pattern.replace("''", "'").chars().filter(c -> c == '\'').count());
      }
    }
  }
}
