package fr.secondevie.platform.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.math.BigDecimal;

/**
 * A decimal number typed the French way ({@code 13,3}) or the English way ({@code 13.3}); Faces'
 * own BigDecimal converter refuses the comma that French people type. {@code <f:converter
 * converterId="decimal"/>}.
 */
@FacesConverter("decimal")
public class DecimalConverter implements Converter<BigDecimal> {

  @Override
  public BigDecimal getAsObject(FacesContext faces, UIComponent field, String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(typed.trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      Object label = field.getAttributes().get("label");
      throw new ConverterException(
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              PageMessages.text("form.decimal", label == null ? "" : label),
              null),
          e);
    }
  }

  @Override
  public String getAsString(FacesContext faces, UIComponent field, BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }
}
