package fr.secondevie.vouchers.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which kind of voucher pays what: the one place sales asks. */
class VoucherKindTest {

  @Test
  void aPassNumeriquePaysServicesAndNoDevice() {
    assertThat(VoucherKind.PASS_NUMERIQUE.paysServices()).isTrue();
    assertThat(VoucherKind.PASS_NUMERIQUE.paysDevices()).isFalse();
  }

  @Test
  void aChequeEquipementPaysDevicesAndNoService() {
    assertThat(VoucherKind.CHEQUE_EQUIPEMENT.paysDevices()).isTrue();
    assertThat(VoucherKind.CHEQUE_EQUIPEMENT.paysServices()).isFalse();
  }

  @Test
  void everyKindPaysExactlyOneKindOfLine() {
    for (VoucherKind kind : VoucherKind.values()) {
      assertThat(kind.paysDevices()).isNotEqualTo(kind.paysServices());
    }
  }
}
