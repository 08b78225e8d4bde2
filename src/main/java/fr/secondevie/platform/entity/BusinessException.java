package fr.secondevie.platform.entity;

/**
 * A refusal the caller can understand and act on: it leaves as a problem response with an HTTP
 * status and a machine code of API.md ({@code DUPLICATE_SERIAL}, {@code VOUCHER_UNAVAILABLE}...).
 * Throwing it rolls the use case's transaction back.
 */
public class BusinessException extends RuntimeException {

  private final int status;
  private final String code;
  private final String field;
  private final java.util.Map<String, Long> members = new java.util.LinkedHashMap<>();

  public BusinessException(int status, String code, String detail) {
    this(status, code, detail, null);
  }

  private BusinessException(int status, String code, String detail, String field) {
    super(detail);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  /** 400 {@code INVALID_INPUT} for one field of the request (a query parameter, a body field). */
  public static BusinessException invalid(String field, String detail) {
    return new BusinessException(400, "INVALID_INPUT", detail, field);
  }

  public static BusinessException notFound(String what) {
    return new BusinessException(404, "NOT_FOUND", what + " not found");
  }

  public static BusinessException conflict(String code, String detail) {
    return new BusinessException(409, code, detail);
  }

  public static BusinessException unprocessable(String code, String detail) {
    return new BusinessException(422, code, detail);
  }

  public static BusinessException badRequest(String code, String detail) {
    return new BusinessException(400, code, detail);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /**
   * Adds a member to the problem, such as the id of the resource in the way ({@code "sessionId"} of
   * the session already open).
   */
  public BusinessException with(String member, long value) {
    members.put(member, value);
    return this;
  }

  /** The problem's extra members. */
  public java.util.Map<String, Long> members() {
    return java.util.Collections.unmodifiableMap(members);
  }

  /** The request field the refusal is about, or null when it is about the request as a whole. */
  public String field() {
    return field;
  }
}
