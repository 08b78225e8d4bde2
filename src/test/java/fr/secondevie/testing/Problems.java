package fr.secondevie.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on RFC 9457 problem responses, the one shape every refusal under /api takes. */
public final class Problems {

  private Problems() {}

  /**
   * The answer is a problem of that status and code, as {@code application/problem+json} (so a
   * refusal that leaves as an HTML error page, or with another code, fails).
   */
  public static void assertProblem(Api.Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type"))
        .as(answer.toString())
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(answer.json().getString("code")).as(answer.toString()).isEqualTo(code);
  }
}
