package fr.secondevie.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

  @Test
  void eurosAreWrittenWithACommaAndNoThousandsSeparator() {
    assertThat(SpreadsheetCsv.euros(123_450)).isEqualTo("1234,50");
    assertThat(SpreadsheetCsv.euros(5)).isEqualTo("0,05");
    assertThat(SpreadsheetCsv.euros(-600)).isEqualTo("-6,00");
  }

  @Test
  void daysAndMomentsAreFrenchAndMomentsCarryTheirOffset() {
    assertThat(SpreadsheetCsv.day(LocalDate.of(2026, 12, 1))).isEqualTo("01/12/2026");
    assertThat(SpreadsheetCsv.day((LocalDate) null)).isEmpty();
    assertThat(SpreadsheetCsv.moment(LocalDateTime.of(2026, 12, 1, 14, 5)))
        .isEqualTo("01/12/2026 14:05 +01:00");
    assertThat(SpreadsheetCsv.moment(LocalDateTime.of(2026, 7, 14, 9, 30)))
        .isEqualTo("14/07/2026 09:30 +02:00");
  }

  @Test
  void aSheetWrittenAsItGoesIsTheSameAsOneWrittenAtOnce() {
    List<String> header = List.of("Code", "Montant (€)");
    List<List<String>> rows = List.of(List.of("=1+1", "1,00"), List.of("A;B", "-2,00"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SpreadsheetCsv.Sheet sheet = SpreadsheetCsv.open(out, header)) {
      rows.forEach(sheet::row);
    }
    byte[] streamed = out.toByteArray();
    assertThat(streamed).isEqualTo(SpreadsheetCsv.of(header, rows));
    assertThat(SpreadsheetCsv.inert("-2+cmd|' /C calc'!A0")).startsWith("'-2+");
    assertThat(SpreadsheetCsv.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Arrays.copyOf(streamed, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(streamed, 3, streamed.length - 3, StandardCharsets.UTF_8))
        .isEqualTo("Code;Montant (€)\r\n'=1+1;1,00\r\n\"A;B\";-2,00\r\n");
  }
}
