package fr.secondevie.pricing.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.platform.entity.DeviceCategory;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.pricing.control.PriceEngine.Quote;
import fr.secondevie.pricing.control.PriceStep.Kind;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The explanation is data the counter reads in its language and the API in French. */
class PriceWordsTest {

  @Test
  void theStepsOfACappedPriceAreSaidInFrenchAndInEnglish() {
    Quote quote =
        PriceEngineTest.version1().quote(Money.ofCents(45000), DeviceCategory.LAPTOP, 1, true);
    assertThat(quote.explanation())
        .extracting(PriceStep::kind)
        .containsExactly(Kind.LIST_PRICE, Kind.DISCOUNT, Kind.LEGAL_CAP_APPLIED, Kind.TO_PAY);
    assertThat(PriceWords.sentences(quote.explanation(), Locale.FRENCH))
        .containsExactly(
            "Prix catalogue : 450,00 €.",
            "Niveau d'aide 1 : remise de 50 %, arrondie à l'euro inférieur, soit 225,00 €.",
            "Appareil donné par un organisme public : le prix est ramené au plafond légal de"
                + " 180,00 €.",
            "Prix à payer : 180,00 €.");
    assertThat(PriceWords.text(quote.explanation(), Locale.ENGLISH))
        .isEqualTo(
            "List price: 450,00 €. Support tier 1: 50% off, rounded down to the euro, that is"
                + " 225,00 €. Device donated by a public body: the price is brought down to the"
                + " legal cap of 180,00 €. To pay: 180,00 €.");
  }

  @Test
  void theFloorAndTheRespectedCapHaveTheirSentences() {
    Quote floor =
        PriceEngineTest.version1().quote(Money.ofCents(1500), DeviceCategory.SMARTPHONE, 1, true);
    assertThat(PriceWords.sentences(floor.explanation(), Locale.ENGLISH))
        .contains(
            "Minimum price for this device: 10,00 €.",
            "Device donated by a public body: the legal cap of 100,00 € is respected.");
  }
}
