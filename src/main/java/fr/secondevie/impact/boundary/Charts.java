package fr.secondevie.impact.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Chart.js bar charts for PrimeFaces' {@code p:chart}: the labels, one dataset per series. Each
 * chart of a page stands beside a table that states the same figures, which is its text alternative
 * (the chart's canvas carries a label that names the table).
 */
final class Charts {

  /** A series: its name and its values, one per label. */
  record Series(String name, String colour, List<? extends Number> values) {}

  private Charts() {}

  static String bar(List<String> labels, List<Series> series, boolean horizontal) {
    JsonArrayBuilder names = Json.createArrayBuilder();
    labels.forEach(names::add);
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    for (Series s : series) {
      JsonArrayBuilder values = Json.createArrayBuilder();
      for (Number n : s.values()) {
        if (n instanceof java.math.BigDecimal d) {
          values.add(d);
        } else {
          values.add(n.longValue());
        }
      }
      datasets.add(
          Json.createObjectBuilder()
              .add("label", s.name())
              .add("data", values)
              .add("backgroundColor", s.colour())
              .add("maxBarThickness", 40));
    }
    JsonObjectBuilder options =
        Json.createObjectBuilder()
            .add("animation", false)
            .add(
                "plugins",
                Json.createObjectBuilder()
                    .add("legend", Json.createObjectBuilder().add("display", series.size() > 1)));
    if (horizontal) {
      options.add("indexAxis", "y");
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add("data", Json.createObjectBuilder().add("labels", names).add("datasets", datasets))
        .add("options", options)
        .build()
        .toString();
  }
}
