package fr.secondevie.devices.control;

import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.Erasure;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The erasure certificate of one device as a one-page A4 PDF: the device and its serial number, the
 * NIST SP 800-88 method, the tool, the operator and the workshop, the date and the certificate id.
 * Text in LiberationSans (shipped inside PDFBox), embedded as a subset.
 */
@ApplicationScoped
public class ErasureCertificateRenderer {

  static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH);

  private volatile byte[] fontBytes;

  public byte[] render(Device device) {
    Erasure erasure = device.erasure();
    if (erasure == null) {
      throw new IllegalArgumentException("Device " + device.serialNumber() + " was not erased");
    }
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType0Font font = PDType0Font.load(doc, new ByteArrayInputStream(font()), true);
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle("Certificat d'effacement " + erasure.certificateId());
      info.setSubject("Appareil " + device.serialNumber());
      try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
        float y = page.getMediaBox().getHeight() - 72;
        y = line(text, font, 18, 56, y, "Certificat d'effacement des données");
        y =
            line(
                text,
                font,
                11,
                56,
                y - 6,
                "Seconde Vie – réemploi solidaire d'équipements numériques");
        y -= 18;
        for (String[] row : rows(device, erasure)) {
          y = line(text, font, 12, 56, y, row[0] + " : " + row[1]);
        }
        y -= 18;
        for (String sentence :
            wrap(
                "Toutes les données des utilisateurs précédents ont été effacées de cet appareil"
                    + " avant son changement de propriétaire, selon la méthode indiquée (NIST SP"
                    + " 800-88 : CLEAR = effacement logique, PURGE = effacement résistant aux"
                    + " techniques de laboratoire, DESTROY = support détruit).",
                90)) {
          y = line(text, font, 10, 56, y, sentence);
        }
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String[]> rows(Device device, Erasure erasure) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Numéro de certificat", erasure.certificateId()});
    rows.add(new String[] {"Numéro de série", device.serialNumber()});
    rows.add(
        new String[] {
          "Appareil",
          device.category()
              + " "
              + (device.brand() == null ? "" : device.brand())
              + " "
              + (device.model() == null ? "" : device.model())
        });
    rows.add(new String[] {"Méthode (NIST SP 800-88)", erasure.method().name()});
    rows.add(new String[] {"Outil", erasure.tool()});
    rows.add(new String[] {"Date", DATE.format(erasure.erasedAt())});
    rows.add(new String[] {"Opérateur", erasure.operator() == null ? "-" : erasure.operator()});
    rows.add(
        new String[] {"Atelier", device.refurbisher() == null ? "-" : device.refurbisher().name()});
    return rows;
  }

  private static float line(
      PDPageContentStream text, PDType0Font font, float size, float x, float y, String content)
      throws IOException {
    text.beginText();
    text.setFont(font, size);
    text.newLineAtOffset(x, y);
    text.showText(content.replace('\u202f', ' ').replace('\u00a0', ' '));
    text.endText();
    return y - size * 1.5f;
  }

  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String word : text.split(" ")) {
      if (current.length() + word.length() + 1 > width && !current.isEmpty()) {
        lines.add(current.toString());
        current.setLength(0);
      }
      if (!current.isEmpty()) {
        current.append(' ');
      }
      current.append(word);
    }
    if (!current.isEmpty()) {
      lines.add(current.toString());
    }
    return lines;
  }

  private byte[] font() throws IOException {
    byte[] bytes = fontBytes;
    if (bytes == null) {
      try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
        if (in == null) {
          throw new IOException("Font missing from the PDFBox jar: " + FONT);
        }
        bytes = in.readAllBytes();
      }
      fontBytes = bytes;
    }
    return bytes;
  }
}
