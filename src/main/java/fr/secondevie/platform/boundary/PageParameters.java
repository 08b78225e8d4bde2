package fr.secondevie.platform.boundary;

import jakarta.faces.context.FacesContext;
import java.util.Optional;

/** The record a page works on, named in its query string ({@code ?device=42}). */
public final class PageParameters {

  private PageParameters() {}

  /** The numeric identifier in the named parameter; empty when absent or not a number. */
  public static Optional<Long> id(String name) {
    String value =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    return value != null && value.matches("\\d{1,18}")
        ? Optional.of(Long.valueOf(value))
        : Optional.empty();
  }
}
