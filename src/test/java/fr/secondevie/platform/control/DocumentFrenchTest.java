package fr.secondevie.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The documents' French: "1er" for the first of the month, "14 h 05", no "à 00h00". */
class DocumentFrenchTest {

  @Test
  void theFirstOfTheMonthIsWrittenFirst() {
    assertThat(DocumentFrench.day(LocalDate.of(2027, 12, 1))).isEqualTo("1er décembre 2027");
    assertThat(DocumentFrench.day(LocalDate.of(2027, 12, 2))).isEqualTo("2 décembre 2027");
  }

  @Test
  void aTimeIsWrittenTheFrenchWayAndMidnightMeansNoTime() {
    assertThat(DocumentFrench.moment(LocalDateTime.of(2026, 11, 20, 14, 5)))
        .isEqualTo("20 novembre 2026 à 14 h 05");
    assertThat(DocumentFrench.moment(LocalDateTime.of(2026, 11, 20, 0, 0)))
        .isEqualTo("20 novembre 2026");
  }

  @Test
  void anAddressIsWrittenOnOneLineWithADashForAMissingStreet() {
    assertThat(DocumentFrench.address("12 rue des Jacobins", "80000", "Amiens"))
        .isEqualTo("12 rue des Jacobins, 80000 Amiens");
    assertThat(DocumentFrench.address(" ", "80000", "Amiens")).isEqualTo("—, 80000 Amiens");
    assertThat(DocumentFrench.address("12 rue des Jacobins", null, "Amiens"))
        .isEqualTo("12 rue des Jacobins Amiens");
    assertThat(DocumentFrench.address(null, null, null)).isEqualTo("—");
  }

  @Test
  void aFieldWithoutAValueIsADash() {
    assertThat(DocumentFrench.orDash(null)).isEqualTo("—");
    assertThat(DocumentFrench.orDash("  ")).isEqualTo("—");
    assertThat(DocumentFrench.orDash("SARL")).isEqualTo("SARL");
  }

  @Test
  void aDocumentIsMadeOutAtAPlaceOnADay() {
    assertThat(DocumentFrench.placeAndDay("Amiens", LocalDate.of(2026, 5, 1)))
        .isEqualTo("Amiens, le 1er mai 2026");
    assertThat(DocumentFrench.placeAndDay(null, LocalDate.of(2026, 5, 2)))
        .isEqualTo("—, le 2 mai 2026");
  }
}
