package fr.secondevie.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLineTest {

  @Test
  void keysAndValuesOnOneLineWithSpacesQuotesAndBreaksMadeSafe() {
    String line =
        LogLine.of("incident")
            .with("incident", "3f2a")
            .with("path", "/api/v1/orders/12")
            .with("user", null)
            .with("exception", "java.lang.IllegalStateException: a \"b\" = c\nat line")
            .toString();
    assertThat(line)
        .isEqualTo(
            "event=incident incident=3f2a path=/api/v1/orders/12 user=-"
                + " exception=\"java.lang.IllegalStateException: a \\\"b\\\" = c at line\"");
  }
}
