package fr.secondevie.devices.boundary;

import fr.secondevie.devices.control.CatalogueItem;
import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.Specs;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The JSON shapes of devices in API.md. */
public final class DeviceViews {

  private DeviceViews() {}

  /** What a buyer compares. */
  public record SpecsView(
      String cpu, Integer ramGb, Integer storageGb, BigDecimal screenInches, String os) {
    static SpecsView of(Specs s) {
      return s == null
          ? null
          : new SpecsView(s.cpu(), s.ramGb(), s.storageGb(), s.screenInches(), s.os());
    }
  }

  /** The relay where the device is sold. */
  public record RelayView(long id, String name, String city) {}

  /** A device of the public catalogue. */
  public record CatalogueItemView(
      long id,
      String category,
      String brand,
      String model,
      String grade,
      Integer batteryHealthPercent,
      SpecsView specs,
      RelayView relay,
      long listPriceCents) {
    static CatalogueItemView of(CatalogueItem i) {
      return new CatalogueItemView(
          i.id(),
          i.category().name(),
          i.brand(),
          i.model(),
          i.grade().name(),
          i.batteryHealthPercent(),
          new SpecsView(i.cpu(), i.ramGb(), i.storageGb(), i.screenInches(), i.os()),
          new RelayView(i.relayId(), i.relayName(), i.relayCity()),
          i.listPrice().cents());
    }
  }

  /** The erasure as the public sees it: method and date. */
  public record ErasureView(String method, LocalDateTime erasedAt) {}

  /** The workshop that refurbished the device. */
  public record RefurbisherView(long id, String name) {}

  /** A device with its erasure, legal warranty and refurbisher. */
  public record DeviceDetailView(
      long id,
      String status,
      String serialNumber,
      String category,
      String brand,
      String model,
      String grade,
      Integer batteryHealthPercent,
      SpecsView specs,
      RelayView relay,
      Long listPriceCents,
      ErasureView erasure,
      int warrantyMonths,
      RefurbisherView refurbisher) {
    static DeviceDetailView of(Device d, boolean withSerial) {
      return new DeviceDetailView(
          d.id(),
          d.status().name(),
          withSerial ? d.serialNumber() : null,
          d.category().name(),
          d.brand(),
          d.model(),
          d.grade() == null ? null : d.grade().name(),
          d.batteryHealthPercent(),
          SpecsView.of(d.specs()),
          d.relay() == null
              ? null
              : new RelayView(d.relay().id(), d.relay().name(), d.relay().city()),
          d.listPrice() == null ? null : d.listPrice().cents(),
          d.erasure() == null
              ? null
              : new ErasureView(d.erasure().method().name(), d.erasure().erasedAt()),
          Device.WARRANTY_MONTHS,
          d.refurbisher() == null
              ? null
              : new RefurbisherView(d.refurbisher().id(), d.refurbisher().name()));
    }
  }

  /** A device as the workshop registered it. */
  public record DeviceView(
      long id,
      String status,
      String serialNumber,
      String category,
      String brand,
      String model,
      long donationId,
      boolean publicOrigin) {
    static DeviceView of(Device d) {
      return new DeviceView(
          d.id(),
          d.status().name(),
          d.serialNumber(),
          d.category().name(),
          d.brand(),
          d.model(),
          d.donation().id(),
          d.publicOrigin());
    }
  }
}
