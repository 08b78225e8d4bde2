package fr.secondevie.pricing.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.pricing.control.PriceEngine.Discount;
import fr.secondevie.pricing.control.PriceEngine.Quote;
import fr.secondevie.pricing.control.PriceEngine.TierCategory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of migration V31, table-driven on the cases that matter and over many prices. */
class PriceEngineTest {

  static final List<DeviceCategory> CATEGORIES = List.of(DeviceCategory.values());
  static final Map<DeviceCategory, Long> CAPS =
      Map.of(
          DeviceCategory.LAPTOP,
          18000L,
          DeviceCategory.DESKTOP,
          15000L,
          DeviceCategory.TABLET,
          10000L,
          DeviceCategory.SMARTPHONE,
          10000L,
          DeviceCategory.SCREEN,
          3000L);

  static PriceEngine version1() {
    Map<TierCategory, Discount> discounts = new HashMap<>();
    Map<Integer, Integer> percent = Map.of(1, 50, 2, 33, 3, 20);
    Map<DeviceCategory, Long> floors =
        Map.of(
            DeviceCategory.LAPTOP,
            2000L,
            DeviceCategory.DESKTOP,
            2000L,
            DeviceCategory.TABLET,
            1000L,
            DeviceCategory.SMARTPHONE,
            1000L,
            DeviceCategory.SCREEN,
            500L);
    for (int tier = 1; tier <= 3; tier++) {
      for (DeviceCategory category : CATEGORIES) {
        discounts.put(
            new TierCategory(tier, category),
            new Discount(percent.get(tier), Money.ofCents(floors.get(category))));
      }
    }
    Map<DeviceCategory, Money> caps = new HashMap<>();
    CAPS.forEach((category, cents) -> caps.put(category, Money.ofCents(cents)));
    return PriceEngine.of(discounts, caps);
  }

  @ParameterizedTest(name = "{1} at {0} cents, tier {2}, public {3} -> {4}")
  @CsvSource({
    "25400, LAPTOP, 1, false, 12700",
    "25499, LAPTOP, 1, false, 12700",
    "25400, LAPTOP, 2, false, 17000",
    "25400, LAPTOP, 3, false, 20300",
    "45000, LAPTOP, 1, true, 18000",
    "45000, LAPTOP, 3, true, 18000",
    "35000, LAPTOP, 1, true, 17500",
    "8200, SMARTPHONE, 1, false, 4100",
    "1500, SMARTPHONE, 1, false, 1000",
    "800, SMARTPHONE, 1, false, 800",
    "0, SCREEN, 1, false, 0",
    "9000, SCREEN, 1, true, 3000",
    "40000, DESKTOP, 2, true, 15000",
    "12999, TABLET, 2, true, 8700",
  })
  void pricesTheCasesOfTheCounter(
      long listCents, DeviceCategory category, int tier, boolean publicOrigin, long expectedCents) {
    Quote quote = version1().quote(Money.ofCents(listCents), category, tier, publicOrigin);
    assertThat(quote.price()).isEqualTo(Money.ofCents(expectedCents));
  }

  @Test
  void explainsTheCapInWordsTheAgentCanRead() {
    Quote quote = version1().quote(Money.ofCents(45000), DeviceCategory.LAPTOP, 1, true);
    assertThat(quote.explanationText())
        .contains("Prix catalogue : 450,00 €.")
        .contains("remise de 50 %")
        .contains("organisme public")
        .contains("plafond légal de 180,00 €")
        .endsWith("Prix à payer : 180,00 €.");
    assertThat(quote.cap()).hasValue(Money.ofCents(18000));
  }

  @Test
  void explainsTheFloor() {
    assertThat(
            version1()
                .quote(Money.ofCents(1500), DeviceCategory.SMARTPHONE, 1, false)
                .explanationText())
        .contains("Prix minimum pour cet appareil : 10,00 €.");
  }

  @Test
  void neverAboveTheListPriceNorTheCapNorBelowZeroOverManyPrices() {
    PriceEngine engine = version1();
    Random random = new Random(20261126L);
    for (int i = 0; i < 200_000; i++) {
      long list = random.nextInt(4) == 0 ? random.nextInt(5000) : random.nextInt(200_000);
      DeviceCategory category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
      int tier = 1 + random.nextInt(3);
      boolean publicOrigin = random.nextBoolean();
      Money price = engine.quote(Money.ofCents(list), category, tier, publicOrigin).price();
      String context = list + " " + category + " tier " + tier + " public " + publicOrigin;
      assertThat(price.cents()).as(context).isBetween(0L, list);
      if (publicOrigin) {
        assertThat(price.cents()).as(context).isLessThanOrEqualTo(CAPS.get(category));
      }
      assertThat(price.cents() % 100 == 0 || price.cents() == list)
          .as(context + ": whole euros unless the list price itself")
          .isTrue();
      Money lowerTier =
          engine.quote(Money.ofCents(list), category, Math.max(1, tier - 1), publicOrigin).price();
      assertThat(lowerTier.cents())
          .as(context + ": a stronger tier never pays more")
          .isLessThanOrEqualTo(price.cents());
    }
  }

  @Test
  void refusesWhatItCannotPrice() {
    assertThatThrownBy(() -> version1().quote(Money.ofCents(100), DeviceCategory.LAPTOP, 4, false))
        .hasMessageContaining("No price rule");
    assertThatThrownBy(() -> version1().quote(Money.ofCents(-1), DeviceCategory.LAPTOP, 1, false))
        .hasMessageContaining("not negative");
  }
}
