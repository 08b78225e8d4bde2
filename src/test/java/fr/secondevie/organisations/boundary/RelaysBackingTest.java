package fr.secondevie.organisations.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelaysBackingTest {

  @Test
  void aPostalCodesDepartmentIsTwoDigitsOrThreeOverseas() {
    assertThat(RelaysBacking.departmentOf("80000")).isEqualTo("80");
    assertThat(RelaysBacking.departmentOf("01000")).isEqualTo("01");
    assertThat(RelaysBacking.departmentOf("20000")).isEqualTo("20");
    assertThat(RelaysBacking.departmentOf("97400")).isEqualTo("974");
    assertThat(RelaysBacking.departmentOf("98800")).isEqualTo("988");
  }
}
