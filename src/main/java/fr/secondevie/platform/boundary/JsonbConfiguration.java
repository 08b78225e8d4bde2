package fr.secondevie.platform.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON-B for the API: a field the contract does not know is refused (400) rather than silently
 * ignored, so a client's typo ({@code "quantitty"}) never passes for a valid request.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig().setProperty("jsonb.fail-on-unknown-properties", Boolean.TRUE));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
