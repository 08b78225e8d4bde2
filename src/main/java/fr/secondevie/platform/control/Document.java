package fr.secondevie.platform.control;

/**
 * A PDF handed out, with the name of its file: what a document use case answers, so that the API
 * resource and the page's download give the same document under the same name.
 */
public record Document(String filename, byte[] pdf) {

  public static final String PDF = "application/pdf";

  /** The Content-Disposition header: {@code inline} to show it, {@code attachment} to save it. */
  public String disposition(String type) {
    return type + "; filename=\"" + filename + "\"";
  }
}
