package fr.secondevie.platform.boundary;

import fr.secondevie.platform.entity.Money;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.FacesValidator;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;

/**
 * An amount in euros typed in a page's field ({@code 49,90}, {@code 49.90} or {@code 50}), not
 * negative, at most two decimals: otherwise said at the field, naming it, instead of the whole form
 * refused with "a value is not valid". {@code <f:validator validatorId="euros"/>}.
 */
@FacesValidator("euros")
public class EurosValidator implements Validator<Object> {

  @Override
  public void validate(FacesContext faces, UIComponent field, Object value) {
    if (value == null || value.toString().isBlank()) {
      return;
    }
    try {
      if (Money.parse(value.toString()).cents() >= 0) {
        return;
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      // said below
    }
    Object label = field.getAttributes().get("label");
    throw new ValidatorException(
        new FacesMessage(
            FacesMessage.SEVERITY_ERROR,
            PageMessages.text("form.euros", label == null ? "" : label),
            null));
  }
}
