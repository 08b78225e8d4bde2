package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.entity.Money;
import fr.secondevie.vouchers.control.Booklets;
import fr.secondevie.vouchers.entity.Booklet;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;

/**
 * The social structure's page of booklets of passes numériques: each booklet with its programme,
 * passes and value, printed from here, and handed over to a person (its identifier) or to the
 * bearer.
 */
@Named
@RequestScoped
public class BookletsBacking {

  /** A booklet as the page shows it. */
  public record Row(Booklet booklet, String programme, String value) {}

  @Inject Booklets booklets;

  private List<Row> rows;
  private Long bookletId;
  private String person;

  @PostConstruct
  void load() {
    rows =
        booklets.ofMyStructure().stream()
            .map(
                b -> {
                  VoucherProgramme p = booklets.programmeOf(b);
                  return new Row(
                      b,
                      p.name(),
                      Money.ofCents(p.faceValue().cents() * b.passCount()).format(Locale.FRANCE));
                })
            .toList();
  }

  /** Records the handover of the booklet of the form, to the person typed or to the bearer. */
  public String handOver() {
    java.util.Map<String, String> params =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    try {
      bookletId = Long.valueOf(params.getOrDefault("booklet", "").trim());
    } catch (NumberFormatException e) {
      return null;
    }
    person = params.get("person");
    try {
      Booklet done = booklets.handOver(bookletId, person);
      PageMessages.info("booklets.handover.done", done.id());
      PageMessages.keepForRedirect();
      return "/app/social/booklets.xhtml?faces-redirect=true";
    } catch (BusinessException e) {
      PageMessages.refused(e);
      return null;
    }
  }

  public List<Row> getRows() {
    return rows;
  }

  public Long getBookletId() {
    return bookletId;
  }

  public void setBookletId(Long bookletId) {
    this.bookletId = bookletId;
  }

  public String getPerson() {
    return person;
  }

  public void setPerson(String person) {
    this.person = person;
  }
}
