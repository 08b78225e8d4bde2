package fr.secondevie.platform.control;

/**
 * This instance no longer holds a batch's lease: it lapsed and another instance took the batch
 * over. Thrown inside the step's transaction, so the step is rolled back and the batch goes on
 * elsewhere.
 */
public class LeaseLost extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LeaseLost(String name) {
    super("The lease of " + name + " is held by another instance now");
  }
}
