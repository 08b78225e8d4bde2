package fr.secondevie.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** French and English say the same things: no key is missing on either side. */
class BundlesTest {

  @ParameterizedTest
  @ValueSource(strings = {"messages", "faces"})
  void frenchAndEnglishHaveTheSameKeys(String bundle) throws IOException {
    Properties fr = load(bundle + "_fr");
    Properties en = load(bundle + "_en");
    assertThat(en.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(fr.stringPropertyNames());
    fr.stringPropertyNames().forEach(k -> assertThat(fr.getProperty(k)).as(k).isNotBlank());
  }

  @ParameterizedTest
  @ValueSource(strings = {"messages_fr", "messages_en"})
  void noKeyIsDefinedTwice(String bundle) throws IOException {
    java.util.List<String> keys = new java.util.ArrayList<>();
    try (var lines =
        new java.io.BufferedReader(
            new InputStreamReader(
                BundlesTest.class.getResourceAsStream(
                    "/fr/secondevie/i18n/" + bundle + ".properties"),
                StandardCharsets.UTF_8))) {
      lines
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("="))
          .forEach(l -> keys.add(l.substring(0, l.indexOf('=')).trim()));
    }
    assertThat(keys).doesNotHaveDuplicates();
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        BundlesTest.class.getResourceAsStream("/fr/secondevie/i18n/" + name + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
