package fr.secondevie.devices.control;

import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.Erasure;
import fr.secondevie.platform.control.DocumentFrench;
import fr.secondevie.platform.control.PdfDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The erasure certificate of one device as a one-page A4 PDF: the device and its serial number, the
 * NIST SP 800-88 method, the tool, the operator and the workshop, the date and the certificate id.
 */
@ApplicationScoped
public class ErasureCertificateRenderer {

  public byte[] render(Device device) {
    Erasure erasure = device.erasure();
    if (erasure == null) {
      throw new IllegalArgumentException("Device " + device.serialNumber() + " was not erased");
    }
    try (PdfDocument pdf = new PdfDocument("Certificat d'effacement " + erasure.certificateId())) {
      pdf.subject("Appareil " + device.serialNumber())
          .text("Certificat d'effacement des données", 18)
          .gap(6)
          .text("Seconde Vie – réemploi solidaire d'équipements numériques", 11)
          .gap(18);
      for (String[] row : rows(device, erasure)) {
        pdf.text(row[0] + " : " + row[1], 12);
      }
      return pdf.gap(18)
          .text(
              "Toutes les données des utilisateurs précédents ont été effacées de cet appareil"
                  + " avant son changement de propriétaire, selon la méthode indiquée (NIST SP"
                  + " 800-88 : Clear = effacement logique, Purge = effacement résistant aux"
                  + " techniques de laboratoire, Destroy = support détruit).",
              10)
          .toBytes();
    }
  }

  private static List<String[]> rows(Device device, Erasure erasure) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Numéro de certificat", erasure.certificateId()});
    rows.add(new String[] {"Numéro de série", device.serialNumber()});
    rows.add(
        new String[] {
          "Appareil",
          DocumentFrench.label("category." + device.category().name())
              + " "
              + (device.brand() == null ? "" : device.brand())
              + " "
              + (device.model() == null ? "" : device.model())
        });
    rows.add(
        new String[] {
          "Méthode (NIST SP 800-88)", DocumentFrench.label("erasure." + erasure.method().name())
        });
    rows.add(new String[] {"Outil", erasure.tool()});
    rows.add(new String[] {"Date", DocumentFrench.moment(erasure.erasedAt())});
    rows.add(new String[] {"Opérateur", erasure.operator() == null ? "-" : erasure.operator()});
    rows.add(
        new String[] {"Atelier", device.refurbisher() == null ? "-" : device.refurbisher().name()});
    return rows;
  }
}
