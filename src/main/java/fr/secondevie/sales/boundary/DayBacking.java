package fr.secondevie.sales.boundary;

import fr.secondevie.platform.boundary.PageMessages;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.sales.control.DaySales;
import fr.secondevie.sales.control.OrderSummary;
import fr.secondevie.sales.entity.OrderStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The relay's back office for its sales: the day's orders with a day and a status to filter them
 * and the totals of the paid ones by means of payment, and the open orders to resume (after a
 * browser closed or an instance lost, the order is in the database: resuming opens the sale screen
 * on it). The filters travel in the address, so a page can be bookmarked or reloaded.
 */
@Named
@RequestScoped
public class DayBacking {

  @Inject DaySales sales;
  @Inject FacesContext faces;

  private String date;
  private String status;
  private DaySales.Day day;
  private List<OrderSummary> open;

  @PostConstruct
  void load() {
    Map<String, String> params = faces.getExternalContext().getRequestParameterMap();
    date = blankToNull(params.get("date"));
    status = blankToNull(params.get("status"));
    try {
      day = sales.of(date, status);
    } catch (BusinessException e) {
      PageMessages.refused(e);
      day = sales.of(null, null);
    }
  }

  /** The open orders of today, to resume. */
  public List<OrderSummary> getOpenOrders() {
    if (open == null) {
      open = sales.of(null, OrderStatus.OPEN.name()).orders();
    }
    return open;
  }

  public DaySales.Day getDay() {
    return day;
  }

  public String getDate() {
    return day.date().toString();
  }

  public String getStatus() {
    return status == null ? "" : status;
  }

  public List<String> getStatuses() {
    return Arrays.stream(OrderStatus.values()).map(Enum::name).toList();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
