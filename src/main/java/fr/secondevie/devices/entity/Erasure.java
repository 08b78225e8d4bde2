package fr.secondevie.devices.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDateTime;

/**
 * The deletion of all data of previous users, as the law requires before a refurbished device
 * changes owner: the NIST 800-88 method, the tool, who did it, when, and the certificate id that
 * the erasure certificate carries. Complete or it is no erasure.
 */
@Embeddable
public class Erasure {

  @Enumerated(EnumType.STRING)
  @Column(name = "erasure_method")
  private ErasureMethod method;

  @Column(name = "erasure_tool")
  private String tool;

  @Column(name = "erasure_certificate_id")
  private String certificateId;

  @Column(name = "erased_at")
  private LocalDateTime erasedAt;

  @Column(name = "erasure_operator")
  private String operator;

  protected Erasure() {}

  public Erasure(
      ErasureMethod method,
      String tool,
      String certificateId,
      LocalDateTime erasedAt,
      String operator) {
    if (method == null
        || tool == null
        || tool.isBlank()
        || certificateId == null
        || certificateId.isBlank()
        || erasedAt == null) {
      throw new IllegalArgumentException(
          "An erasure names its method, tool, certificate id and date");
    }
    this.method = method;
    this.tool = tool.trim();
    this.certificateId = certificateId.trim();
    this.erasedAt = erasedAt;
    this.operator = operator;
  }

  public ErasureMethod method() {
    return method;
  }

  public String tool() {
    return tool;
  }

  public String certificateId() {
    return certificateId;
  }

  public LocalDateTime erasedAt() {
    return erasedAt;
  }

  public String operator() {
    return operator;
  }
}
