package fr.secondevie.payments.boundary;

import fr.secondevie.payments.control.CardReaders;
import fr.secondevie.payments.entity.CardReader;
import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * The relay's card readers page: register a reader with the code its screen shows, and see the
 * readers with the status Stripe gives. A counter manages its own relay's readers.
 */
@Named
@RequestScoped
public class ReadersBacking {

  @Inject CardReaders readers;
  @Inject Caller caller;

  private List<CardReader> list;

  public List<CardReader> getReaders() {
    if (list == null) {
      list = readers.list(caller.organisationId());
    }
    return list;
  }

  private String code = "";
  private String label = "";

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code == null ? "" : code.trim();
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label == null ? "" : label.trim();
  }

  public String register() {
    boolean valid = true;
    if (!code.matches("[A-Za-z0-9-]{3,60}")) {
      PageMessages.atField("code", "reader.code.invalid");
      valid = false;
    }
    if (label.isEmpty() || label.length() > 60) {
      PageMessages.atField("label", "reader.label.invalid");
      valid = false;
    }
    if (!valid) {
      return null;
    }
    try {
      CardReader reader = readers.register(caller.organisationId(), code, label);
      PageMessages.info("reader.registered", reader.label());
      PageMessages.keepForRedirect();
      return "/app/counter/readers.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refusedAt("code", e);
      return null;
    }
  }
}
