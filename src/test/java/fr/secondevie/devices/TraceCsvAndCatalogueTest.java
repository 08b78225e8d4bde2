package fr.secondevie.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.devices.boundary.TraceCsv;
import fr.secondevie.devices.boundary.Traceability.TracedDevice;
import fr.secondevie.devices.control.CatalogueFilter;
import fr.secondevie.devices.control.CataloguePage;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCsvAndCatalogueTest {

  @Test
  void csvHasAHeaderAndEscapesValues() {
    String csv =
        TraceCsv.of(
            List.of(
                new TracedDevice(
                    1,
                    "SN1",
                    "LAPTOP",
                    "AVAILABLE",
                    "CERT,1",
                    LocalDateTime.of(2026, 11, 20, 10, 15),
                    null,
                    null),
                new TracedDevice(2, "=cmd", "SCREEN", "RECYCLED", null, null, null, null)));
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).isEqualTo(TraceCsv.HEADER);
    assertThat(lines[1]).isEqualTo("SN1,LAPTOP,AVAILABLE,\"CERT,1\",2026-11-20T10:15,,");
    assertThat(lines[2]).startsWith("'=cmd,SCREEN,RECYCLED");
  }

  @Test
  void thePeoplesCsvOpensRightInAFrenchSpreadsheet() {
    byte[] csv =
        TraceCsv.forPeople(
            List.of(
                new TracedDevice(
                    1,
                    "SN1",
                    "LAPTOP",
                    "AVAILABLE",
                    "CERT;1",
                    LocalDateTime.of(2026, 11, 20, 10, 15),
                    null,
                    null),
                new TracedDevice(2, "=cmd", "SCREEN", "RECYCLED", null, null, null, null)));
    assertThat(java.util.Arrays.copyOf(csv, 3))
        .as("UTF-8 byte-order mark")
        .containsExactly(0xEF, 0xBB, 0xBF);
    String[] lines =
        new String(csv, 3, csv.length - 3, java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "Numéro de série;Catégorie;Devenu;Certificat d'effacement;Effacé le;Vendu le;Recyclé le");
    assertThat(lines[1]).isEqualTo("SN1;Ordinateur portable;En vente;\"CERT;1\";20/11/2026;;");
    assertThat(lines[2]).isEqualTo("'=cmd;Écran;Recyclé;;;;");
  }

  @Test
  void catalogueFiltersAreBounded() {
    assertThatThrownBy(() -> new CatalogueFilter(null, null, null, null, -1, 20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CatalogueFilter(null, null, null, null, 0, 101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new CatalogueFilter(null, null, null, "  ", 0, 20).text()).isNull();
  }

  @Test
  void pagesKnowTheirNeighbours() {
    CataloguePage page = new CataloguePage(List.of(), 45, 1, 20);
    assertThat(page.pageCount()).isEqualTo(3);
    assertThat(page.hasPrevious()).isTrue();
    assertThat(page.hasNext()).isTrue();
    assertThat(new CataloguePage(List.of(), 40, 1, 20).hasNext()).isFalse();
  }
}
