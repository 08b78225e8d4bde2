package fr.secondevie.vouchers.entity;

/** A typed or scanned voucher code that cannot be a real one (wrong characters or check). */
public class MalformedCodeException extends IllegalArgumentException {

  public MalformedCodeException() {
    super("This is not a valid voucher code: check the characters typed");
  }
}
