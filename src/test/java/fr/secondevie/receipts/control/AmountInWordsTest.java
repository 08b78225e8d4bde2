package fr.secondevie.receipts.control;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.platform.entity.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountInWordsTest {

  @ParameterizedTest(name = "{0} cents: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "123456 | mille deux cent trente-quatre euros et cinquante-six centimes",
        "8000 | quatre-vingts euros",
        "8100 | quatre-vingt-un euros",
        "7100 | soixante et onze euros",
        "9100 | quatre-vingt-onze euros",
        "10000 | cent euros",
        "20000 | deux cents euros",
        "100000 | mille euros",
        "100000000 | un million d'euros",
        "0 | zéro euro",
        "1 | un centime",
        "56 | cinquante-six centimes",
        "100 | un euro",
        "101 | un euro et un centime",
        "2100 | vingt et un euros",
        "1700 | dix-sept euros",
        "7000 | soixante-dix euros",
        "7700 | soixante-dix-sept euros",
        "9000 | quatre-vingt-dix euros",
        "9900 | quatre-vingt-dix-neuf euros",
        "18000 | cent quatre-vingts euros",
        "20100 | deux cent un euros",
        "108000 | mille quatre-vingts euros",
        "200000 | deux mille euros",
        "8000000 | quatre-vingt mille euros",
        "20000000 | deux cent mille euros",
        "2100000 | vingt et un mille euros",
        "200000000 | deux millions d'euros",
        "8000000000 | quatre-vingts millions d'euros",
        "20000000000 | deux cents millions d'euros",
        "100000100 | un million un euros",
        "123456789 | un million deux cent trente-quatre mille cinq cent soixante-sept euros et quatre-vingt-neuf centimes",
        "99999999999 | neuf cent quatre-vingt-dix-neuf millions neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf euros et quatre-vingt-dix-neuf centimes",
        "8080 | quatre-vingts euros et quatre-vingts centimes",
      })
  void writesTheAmountOutInFrench(long cents, String words) {
    assertThat(AmountInWords.of(Money.ofCents(cents))).isEqualTo(words);
  }
}
