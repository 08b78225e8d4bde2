package fr.secondevie.platform.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The fonts of one document, and the one place where text is made printable. Helvetica (a standard
 * font, not embedded) writes most French text at no cost — accents, €, « » included; what it cannot
 * write (a name in Polish, the minus sign) is set in Liberation Sans, metric-compatible, embedded
 * as a subset the first time the document needs it. The font file is read once per JVM; embedding
 * costs most of a document's time, so a document that Helvetica can write embeds nothing.
 */
public final class PdfFonts {

  private static final String LIBERATION =
      "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private final PDDocument document;
  private final PDFont standard = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final boolean embedAll;
  private PDType0Font embedded;

  PdfFonts(PDDocument document) {
    this(document, false);
  }

  /**
   * With {@code embedAll}, every text is set in the embedded font, as an archival document (PDF/A)
   * must have it: no font is left to the reader's machine.
   */
  PdfFonts(PDDocument document, boolean embedAll) {
    this.document = document;
    this.embedAll = embedAll;
  }

  /**
   * Text as it can be printed: the no-break spaces of French number formats ("1 234,56 €" has a
   * U+202F and a U+00A0) and tabs become plain spaces, which every font has and which read back as
   * spaces; other control characters go; {@code null} is empty. Line breaks are kept for {@link
   * #wrap}.
   */
  public static String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u00a0' || c == '\u202f' || c == '\u2007' || c == '\t') {
        out.append(' ');
      } else if (c == '\n' || !Character.isISOControl(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The font that writes this (showable) text: Helvetica if it can, else the embedded font. */
  PDFont fontFor(String text) {
    return !embedAll && canWrite(standard, text) ? standard : embedded();
  }

  /**
   * What the chosen font will show of one line of text: printable, and any character that neither
   * font has (an emoji, say) as a question mark rather than a failed document.
   */
  String showable(String text) {
    String printable = printable(text).replace('\n', ' ');
    if ((!embedAll && canWrite(standard, printable)) || canWrite(embedded(), printable)) {
      return printable;
    }
    StringBuilder out = new StringBuilder();
    printable
        .codePoints()
        .forEach(
            c -> {
              String one = new String(Character.toChars(c));
              out.append(
                  (!embedAll && canWrite(standard, one)) || canWrite(embedded(), one) ? one : "?");
            });
    return out.toString();
  }

  /** The width in points of one line of text at the given size. */
  public float widthOf(String text, float size) {
    String line = showable(text);
    try {
      return fontFor(line).getStringWidth(line) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text broken into lines no wider than {@code maxWidth}, at spaces and at its line breaks. */
  public List<String> wrap(String text, float size, float maxWidth) {
    return wrap(text, size, maxWidth, Integer.MAX_VALUE);
  }

  /**
   * The first {@code maxLines} lines of the text broken to {@code maxWidth} (what does not fit is
   * left out, as a label on a small cell must be). A word wider than the line stands alone on it.
   */
  public List<String> wrap(String text, float size, float maxWidth, int maxLines) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : printable(text).split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" ")) {
        String candidate = line.isEmpty() ? word : line + " " + word;
        if (!line.isEmpty() && widthOf(candidate, size) > maxWidth) {
          lines.add(line.toString());
          line = new StringBuilder(word);
        } else {
          line = new StringBuilder(candidate);
        }
      }
      lines.add(line.toString());
    }
    return lines.size() > maxLines ? lines.subList(0, maxLines) : lines;
  }

  private PDType0Font embedded() {
    if (embedded == null) {
      try {
        embedded = PDType0Font.load(document, new ByteArrayInputStream(FontFile.BYTES), true);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return embedded;
  }

  private static boolean canWrite(PDFont font, String text) {
    try {
      font.encode(text);
      return true;
    } catch (IllegalArgumentException | IOException e) {
      return false;
    }
  }

  /** Liberation Sans, shipped inside PDFBox, read on first use and kept for the JVM's life. */
  private static final class FontFile {
    static final byte[] BYTES = read();

    private static byte[] read() {
      try (InputStream in = PDDocument.class.getResourceAsStream(LIBERATION)) {
        if (in == null) {
          throw new IOException("Font missing from the PDFBox jar: " + LIBERATION);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
