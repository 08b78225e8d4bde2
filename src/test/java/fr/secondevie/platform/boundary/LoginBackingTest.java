package fr.secondevie.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginBackingTest {

  @ParameterizedTest
  @CsvSource({
    "/app/admin/organisations.xhtml, /app/admin/organisations.xhtml",
    "//evil.example/, /app/index.xhtml",
    "https://evil.example/, /app/index.xhtml",
    "/\\evil.example, /app/index.xhtml",
    "'', /app/index.xhtml",
  })
  void returnsOnlyToAPageOfTheApplication(String next, String expected) {
    LoginBacking login = new LoginBacking();
    login.setNext(next);
    assertThat(login.safeNext()).isEqualTo(expected);
  }
}
