package fr.secondevie.devices.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.donations.entity.DonationItem;
import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reception's count check: what was pledged beside what was taken in. */
class PledgeCountTest {

  private static final List<DonationItem> THREE_LAPTOPS_TWO_PHONES =
      List.of(
          new DonationItem(DeviceCategory.LAPTOP, 2, "Dell", Money.ofEuros(100)),
          new DonationItem(DeviceCategory.SMARTPHONE, 2, "iPhone", Money.ofEuros(50)),
          new DonationItem(DeviceCategory.LAPTOP, 1, "Lenovo", Money.ofEuros(100)));

  @Test
  void fewerThanPledgedSaysHowManyAreMissingByCategory() {
    PledgeCount count = PledgeCount.of(THREE_LAPTOPS_TWO_PHONES, List.of(DeviceCategory.LAPTOP));
    assertThat(count.pledged()).isEqualTo(5);
    assertThat(count.takenIn()).isEqualTo(1);
    assertThat(count.missing()).isEqualTo(4);
    assertThat(count.lines())
        .extracting(l -> l.category() + ":" + l.pledged() + ":" + l.takenIn() + ":" + l.missing())
        .containsExactly("LAPTOP:3:1:2", "SMARTPHONE:2:0:2");
    assertThat(count.oneMoreIsBeyond(DeviceCategory.LAPTOP)).isFalse();
  }

  @Test
  void oneMoreThanPledgedOfItsCategoryOrInAllIsBeyond() {
    List<DeviceCategory> taken =
        List.of(DeviceCategory.LAPTOP, DeviceCategory.LAPTOP, DeviceCategory.LAPTOP);
    PledgeCount count = PledgeCount.of(THREE_LAPTOPS_TWO_PHONES, taken);
    assertThat(count.oneMoreIsBeyond(DeviceCategory.LAPTOP)).isTrue();
    assertThat(count.oneMoreIsBeyond(DeviceCategory.SMARTPHONE)).isFalse();
    assertThat(count.oneMoreIsBeyond(DeviceCategory.TABLET)).as("never pledged").isTrue();
    PledgeCount six =
        PledgeCount.of(
            THREE_LAPTOPS_TWO_PHONES,
            List.of(
                DeviceCategory.LAPTOP,
                DeviceCategory.LAPTOP,
                DeviceCategory.LAPTOP,
                DeviceCategory.SMARTPHONE,
                DeviceCategory.SMARTPHONE,
                DeviceCategory.TABLET));
    assertThat(six.missing()).isZero();
    assertThat(six.takenIn()).isEqualTo(6);
    assertThat(six.lines())
        .extracting(l -> l.category() + ":" + l.beyond())
        .containsExactly("LAPTOP:0", "TABLET:1", "SMARTPHONE:0");
  }
}
