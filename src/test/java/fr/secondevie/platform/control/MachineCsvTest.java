package fr.secondevie.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MachineCsvTest {

  @Test
  void aFileIsItsHeaderThenItsLinesWithCommasAndLineFeedsInUtf8WithoutAByteOrderMark() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MachineCsv.Lines csv = MachineCsv.open(out, "code", "relay", "cents")) {
      csv.row("SW4V-N4CK", "Relais d'Amiens, centre", 2000L);
      csv.row("K2PQ-7XRT", "Le \"Bon\" Relais\nnord", -600L);
      csv.row("M3ZZ-9ABC", null, 0L);
    }
    byte[] bytes = out.toByteArray();
    assertThat(bytes[0]).as("no byte-order mark").isEqualTo((byte) 'c');
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "code,relay,cents\n"
                + "SW4V-N4CK,\"Relais d'Amiens, centre\",2000\n"
                + "K2PQ-7XRT,\"Le \"\"Bon\"\" Relais\nnord\",-600\n"
                + "M3ZZ-9ABC,,0\n");
  }

  @Test
  void closingFlushesWhatWasPrintedToTheCallersStream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MachineCsv.Lines csv = MachineCsv.open(out, "é");
    csv.close();
    out.write('x');
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("é\nx");
  }
}
