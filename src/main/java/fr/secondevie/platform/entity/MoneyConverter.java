package fr.secondevie.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link Money} as a {@code bigint} column of cents. */
@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, Long> {

  @Override
  public Long convertToDatabaseColumn(Money money) {
    return money == null ? null : money.cents();
  }

  @Override
  public Money convertToEntityAttribute(Long cents) {
    return cents == null ? null : Money.ofCents(cents);
  }
}
