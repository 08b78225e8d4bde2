package fr.secondevie.platform.boundary;

import fr.secondevie.platform.entity.BusinessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Reports of the pages, in the person's language, from the bundle keys of the pages; a business
 * refusal is said with the page text of its code ({@code problem.CODE}) when there is one.
 */
public final class PageMessages {

  private PageMessages() {}

  public static String text(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    try {
      String pattern = bundle.getString(key);
      // Only a message with parameters goes through MessageFormat, where a lone apostrophe
      // ("n'est pas") would vanish; the others are printed as written.
      return arguments.length == 0 ? pattern : MessageFormat.format(pattern, arguments);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  public static void info(String key, Object... arguments) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text(key, arguments), null));
  }

  public static void refused(BusinessException e) {
    String text = text("problem." + e.code());
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR,
                text.startsWith("problem.") ? e.getMessage() : text,
                null));
  }

  /**
   * A mistake at one field ({@code clientId}, such as {@code pledge:lines:0:quantity}): said under
   * it and in the page's summary of mistakes (see {@link FieldErrors}).
   */
  public static void atField(String clientId, String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text(key, arguments), null));
    faces.validationFailed();
  }

  /** A business refusal said at the field it is about, in the page text of its code. */
  public static void refusedAt(String clientId, BusinessException e) {
    String text = text("problem." + e.code());
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(
        clientId,
        new FacesMessage(
            FacesMessage.SEVERITY_ERROR,
            text.startsWith("problem.") ? e.getMessage() : text,
            null));
    faces.validationFailed();
  }

  /** Keeps the report across the redirect that follows a successful form. */
  public static void keepForRedirect() {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }
}
