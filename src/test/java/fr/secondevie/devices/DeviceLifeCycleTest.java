package fr.secondevie.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.DeviceStatus;
import fr.secondevie.devices.entity.Erasure;
import fr.secondevie.devices.entity.ErasureMethod;
import fr.secondevie.devices.entity.Refurbishment;
import fr.secondevie.devices.entity.Specs;
import fr.secondevie.donations.entity.Donation;
import fr.secondevie.donations.entity.DonationItem;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.organisations.entity.OrganisationKind;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Grade;
import fr.secondevie.platform.entity.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The device life cycle of API.md, enforced by the entity itself. */
class DeviceLifeCycleTest {

  static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 10, 0);
  static final Organisation WORKSHOP =
      new Organisation("Atelier", OrganisationKind.REFURBISHER, NOW);
  static final Organisation RELAY = new Organisation("Relais", OrganisationKind.RELAY, NOW);

  static Donation donation(Organisation donor) {
    return new Donation(
        donor,
        List.of(new DonationItem(DeviceCategory.LAPTOP, 2, "Portables", Money.ofEuros(100))),
        "1 rue de la Paix",
        LocalDate.of(2026, 12, 1),
        "donateur",
        NOW);
  }

  static Device receivedDevice() {
    Donation donation = donation(new Organisation("Entreprise", OrganisationKind.COMPANY, NOW));
    donation.receive(NOW);
    return new Device(donation, " sn-123 ", DeviceCategory.LAPTOP, "Dell", "E7470", "atelier", NOW);
  }

  static Erasure erasure() {
    return new Erasure(ErasureMethod.PURGE, "nwipe", "CERT-1", NOW.minusDays(1), "atelier");
  }

  static Refurbishment refurbishment(Erasure erasure, boolean tests) {
    return new Refurbishment(
        Grade.A,
        90,
        new Specs("i5", 8, 256, new BigDecimal("14.0"), "Ubuntu"),
        erasure,
        tests,
        WORKSHOP,
        RELAY,
        Money.ofEuros(129));
  }

  static void assertRefused(Runnable act, int status, String code) {
    assertThatThrownBy(act::run)
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> {
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.code()).isEqualTo(code);
            });
  }

  @Test
  void aRegisteredDeviceIsReceivedWithANormalisedSerial() {
    Device device = receivedDevice();
    assertThat(device.status()).isEqualTo(DeviceStatus.RECEIVED);
    assertThat(device.serialNumber()).isEqualTo("SN-123");
    assertThat(device.publicOrigin()).isFalse();
  }

  @Test
  void devicesAreRegisteredOnlyFromAReceivedDonation() {
    Donation pledged = donation(new Organisation("Entreprise", OrganisationKind.COMPANY, NOW));
    assertRefused(
        () -> new Device(pledged, "SN1", DeviceCategory.LAPTOP, null, null, "a", NOW),
        422,
        "DONATION_NOT_RECEIVED");
  }

  @Test
  void aPublicBodysDevicesKeepThatOrigin() {
    Organisation body =
        new Organisation("Département", OrganisationKind.AUTHORITY, NOW).asPublicBody();
    Donation donation = donation(body);
    donation.receive(NOW);
    assertThat(donation.publicOrigin()).isTrue();
    Device device = new Device(donation, "SN9", DeviceCategory.TABLET, null, null, "a", NOW);
    assertThat(device.publicOrigin()).isTrue();
  }

  @Test
  void refurbishingPutsTheDeviceOnSale() {
    Device device = receivedDevice();
    device.refurbish(refurbishment(erasure(), true), NOW);
    assertThat(device.status()).isEqualTo(DeviceStatus.AVAILABLE);
    assertThat(device.grade()).isEqualTo(Grade.A);
    assertThat(device.erasure().certificateId()).isEqualTo("CERT-1");
    assertThat(device.relay()).isSameAs(RELAY);
    assertThat(device.listPrice()).isEqualTo(Money.ofEuros(129));
  }

  @Test
  void noErasureNoSale() {
    Device device = receivedDevice();
    assertRefused(() -> device.refurbish(refurbishment(null, true), NOW), 422, "ERASURE_REQUIRED");
    assertThat(device.status()).isEqualTo(DeviceStatus.RECEIVED);
  }

  @Test
  void anIncompleteErasureIsNoErasure() {
    assertThatThrownBy(() -> new Erasure(ErasureMethod.CLEAR, "nwipe", " ", NOW, "a"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void failedTestsNoSale() {
    Device device = receivedDevice();
    assertRefused(
        () -> device.refurbish(refurbishment(erasure(), false), NOW), 422, "TESTS_NOT_PASSED");
  }

  @Test
  void aDeviceIsSoldAtARelay() {
    Device device = receivedDevice();
    Refurbishment atWorkshop =
        new Refurbishment(
            Grade.A, 90, null, erasure(), true, WORKSHOP, WORKSHOP, Money.ofEuros(10));
    assertRefused(() -> device.refurbish(atWorkshop, NOW), 422, "RELAY_UNKNOWN");
  }

  @Test
  void reservedThenSold() {
    Device device = receivedDevice();
    device.refurbish(refurbishment(erasure(), true), NOW);
    device.reserve(NOW);
    assertThat(device.status()).isEqualTo(DeviceStatus.RESERVED);
    device.sell(NOW);
    assertThat(device.status()).isEqualTo(DeviceStatus.SOLD);
    assertThat(device.soldAt()).isEqualTo(NOW);
  }

  @Test
  void aReleasedDeviceIsOnSaleAgain() {
    Device device = receivedDevice();
    device.refurbish(refurbishment(erasure(), true), NOW);
    device.reserve(NOW);
    device.release();
    assertThat(device.status()).isEqualTo(DeviceStatus.AVAILABLE);
  }

  @Test
  void illegalTransitionsAreConflicts() {
    Device received = receivedDevice();
    assertRefused(() -> received.reserve(NOW), 409, "ILLEGAL_TRANSITION");
    assertRefused(() -> received.sell(NOW), 409, "ILLEGAL_TRANSITION");
    assertRefused(received::release, 409, "ILLEGAL_TRANSITION");

    Device available = receivedDevice();
    available.refurbish(refurbishment(erasure(), true), NOW);
    assertRefused(
        () -> available.refurbish(refurbishment(erasure(), true), NOW), 409, "ILLEGAL_TRANSITION");
    assertRefused(() -> available.sell(NOW), 409, "ILLEGAL_TRANSITION");

    available.reserve(NOW);
    assertRefused(() -> available.recycle("cassé", NOW), 409, "ILLEGAL_TRANSITION");
    available.sell(NOW);
    assertRefused(() -> available.recycle("cassé", NOW), 409, "ILLEGAL_TRANSITION");
    assertRefused(() -> available.reserve(NOW), 409, "ILLEGAL_TRANSITION");
  }

  @Test
  void receivedOrAvailableDevicesAreRecycledWithAReason() {
    Device received = receivedDevice();
    assertThat(received.recycle("Carte mère HS", NOW)).isTrue();
    assertThat(received.status()).isEqualTo(DeviceStatus.RECYCLED);
    assertThat(received.recyclingReason()).isEqualTo("Carte mère HS");
    assertThat(received.recycle("encore", NOW)).isFalse();
    assertThat(received.recyclingReason()).isEqualTo("Carte mère HS");
    assertRefused(
        () -> received.refurbish(refurbishment(erasure(), true), NOW), 409, "ILLEGAL_TRANSITION");

    Device available = receivedDevice();
    available.refurbish(refurbishment(erasure(), true), NOW);
    available.recycle("Batterie gonflée", NOW);
    assertThat(available.status()).isEqualTo(DeviceStatus.RECYCLED);

    assertThatThrownBy(() -> receivedDevice().recycle(" ", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDonationIsReceivedOnce() {
    Donation donation = donation(new Organisation("Entreprise", OrganisationKind.COMPANY, NOW));
    assertThat(donation.receive(NOW)).isTrue();
    assertThat(donation.receive(NOW.plusDays(1))).isFalse();
    assertThat(donation.receivedAt()).isEqualTo(NOW);
    assertThat(donation.totalValue()).isEqualTo(Money.ofEuros(200));
  }
}
