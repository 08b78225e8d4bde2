package fr.secondevie.devices.boundary;

import fr.secondevie.devices.control.ErasureCertificateRenderer;
import fr.secondevie.devices.control.TransferCertificateRenderer;
import fr.secondevie.devices.entity.Device;
import fr.secondevie.devices.entity.DeviceStatus;
import fr.secondevie.donations.control.Donations;
import fr.secondevie.donations.entity.Donation;
import fr.secondevie.donations.entity.DonationStatus;
import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.control.Territories;
import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What became of each device of a donation, for the donor company and the admin: status, erasure
 * certificate, sale or recycling dates; never anything about the buyer. Also gives the erasure
 * certificate of a device to those who may have it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Traceability {

  /** One device of the trace. */
  public record TracedDevice(
      long deviceId,
      String serialNumber,
      String category,
      String status,
      String erasureCertificateId,
      LocalDateTime erasedAt,
      LocalDateTime soldAt,
      LocalDateTime recycledAt) {}

  /**
   * How many devices were received, are on sale (or held by an order), sold, recycled, and still in
   * the workshop.
   */
  public record Summary(long received, long available, long sold, long recycled, long inWorkshop) {
    static Summary of(List<TracedDevice> devices) {
      return new Summary(
          devices.size(),
          count(devices, DeviceStatus.AVAILABLE) + count(devices, DeviceStatus.RESERVED),
          count(devices, DeviceStatus.SOLD),
          count(devices, DeviceStatus.RECYCLED),
          count(devices, DeviceStatus.RECEIVED));
    }

    private static long count(List<TracedDevice> devices, DeviceStatus status) {
      return devices.stream().filter(d -> d.status().equals(status.name())).count();
    }
  }

  /** The trace of one donation. */
  public record Trace(Donation donation, List<TracedDevice> devices, Summary summary) {}

  @PersistenceContext EntityManager em;
  @Inject ErasureCertificateRenderer certificates;
  @Inject TransferCertificateRenderer transfers;
  @Inject Donations donations;
  @Inject Directory directory;
  @Inject Territories territories;
  @Inject Caller caller;
  @Inject Clock clock;

  public Trace of(long donationId) {
    if (!caller.hasRole(Roles.DONOR) && !caller.hasRole(Roles.ADMIN)) {
      throw BusinessException.notFound("Donation");
    }
    Donation donation = donations.get(donationId);
    List<TracedDevice> devices =
        em.createNamedQuery("Device.findOfDonation", Device.class)
            .setParameter("donation", donation.id())
            .getResultStream()
            .map(
                d ->
                    new TracedDevice(
                        d.id(),
                        d.serialNumber(),
                        d.category().name(),
                        d.status().name(),
                        d.erasure() == null ? null : d.erasure().certificateId(),
                        d.erasure() == null ? null : d.erasure().erasedAt(),
                        d.soldAt(),
                        d.recycledAt()))
            .toList();
    return new Trace(donation, devices, Summary.of(devices));
  }

  /**
   * The attestation of free transfer of a public body's donation, for that body and the admin of
   * its territory (anyone else: "not found"). A company's donation gets its tax receipt instead
   * (422 {@code TAX_RECEIPT_INSTEAD}); a donation not received yet has nothing to attest (422
   * {@code DONATION_NOT_RECEIVED}). Drawn when asked, so it tells what became of the devices today.
   */
  public Document transferCertificate(long donationId) {
    if (!caller.hasRole(Roles.DONOR) && !caller.hasRole(Roles.ADMIN)) {
      throw BusinessException.notFound("Donation");
    }
    Donation donation = donations.get(donationId);
    if (!donation.publicOrigin()) {
      throw BusinessException.unprocessable(
          "TAX_RECEIPT_INSTEAD",
          "An attestation of free transfer is for a public body's donation; a company's donation"
              + " gets a tax receipt");
    }
    if (donation.status() != DonationStatus.RECEIVED) {
      throw BusinessException.unprocessable(
          "DONATION_NOT_RECEIVED", "The attestation is drawn once the donation is received");
    }
    var coordination =
        directory.getOrganisation(
            territories
                .find(donation.donor().territoryId())
                .orElseThrow(() -> new IllegalStateException("A donor has a territory"))
                .coordinationId());
    List<Device> devices =
        em.createNamedQuery("Device.findOfDonation", Device.class)
            .setParameter("donation", donation.id())
            .getResultList();
    return new Document(
        "attestation-cession-don-" + donation.id() + ".pdf",
        transfers.render(donation, coordination, devices, LocalDate.now(clock)));
  }

  /**
   * The erasure certificate of a device, for those who may have it (another company's device is
   * "not found"): what the API and the donor's trace page both download.
   */
  public Document erasureCertificate(long deviceId) {
    Device device = erasedDevice(deviceId);
    return new Document(
        "effacement-" + device.erasure().certificateId() + ".pdf", certificates.render(device));
  }

  /**
   * A device whose erasure certificate the caller may read: the donor company of origin, the
   * workshop that took it in, the admin of its territory. Anyone else, or a device not erased yet,
   * is "not found".
   */
  public Device erasedDevice(long deviceId) {
    Optional<Device> device;
    if (caller.hasRole(Roles.ADMIN)) {
      device =
          em.createNamedQuery("Device.findOneOfTerritory", Device.class)
              .setParameter("id", deviceId)
              .setParameter("territory", caller.territoryId())
              .getResultStream()
              .findFirst();
    } else if (caller.hasRole(Roles.REFURBISHER)) {
      device =
          em.createNamedQuery("Device.findOneInWorkshop", Device.class)
              .setParameter("id", deviceId)
              .setParameter("workshop", caller.organisationId())
              .getResultStream()
              .findFirst();
    } else if (caller.hasRole(Roles.DONOR)) {
      device =
          em.createNamedQuery("Device.findOfDonorCompany", Device.class)
              .setParameter("id", deviceId)
              .setParameter("donor", caller.organisationId())
              .getResultStream()
              .findFirst();
    } else {
      device = Optional.empty();
    }
    return device
        .filter(d -> d.erasure() != null)
        .orElseThrow(() -> BusinessException.notFound("Erasure certificate"));
  }
}
