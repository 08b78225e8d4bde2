package fr.secondevie.vouchers.control;

import fr.secondevie.vouchers.entity.VoucherKind;
import fr.secondevie.vouchers.entity.VoucherStatus;
import java.time.LocalDate;
import java.util.List;

/**
 * What a counter or a sale needs to know of a voucher: its value and status on the day asked, what
 * it pays for, until when it is accepted, for whom and where.
 *
 * @param beneficiaryRef the beneficiary a nominative voucher is bound to, else {@code null}
 * @param orderId the order holding it, when HELD or REDEEMED
 */
public record VoucherInfo(
    String code,
    long faceValueCents,
    VoucherStatus status,
    LocalDate validUntil,
    LocalDate acceptedUntil,
    long programmeId,
    String programmeName,
    VoucherKind kind,
    long funderId,
    String funderName,
    boolean nominative,
    String beneficiaryRef,
    List<String> postalCodePrefixes,
    Long orderId) {}
