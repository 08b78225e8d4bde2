package fr.secondevie.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small HTTP client for integration tests: real HTTP against the deployed application, as an
 * integrator would call it, with HTTP Basic for a demo user.
 */
public final class Api {

  /** An answer: status, headers and body, with the body read as JSON on demand. */
  public record Answer(int status, Map<String, List<String>> headers, byte[] bytes) {
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonObject json() {
      return (JsonObject) structure();
    }

    public JsonStructure structure() {
      try (var reader = Json.createReader(new StringReader(body()))) {
        return reader.read();
      }
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    @Override
    public String toString() {
      return status + " " + body();
    }
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final URI base;
  private final String authorization;
  private final Map<String, String> headers;

  private Api(URI base, String authorization) {
    this(base, authorization, Map.of());
  }

  private Api(URI base, String authorization, Map<String, String> headers) {
    this.base = base;
    this.authorization = authorization;
    this.headers = headers;
  }

  /** Anonymous calls to the application deployed at {@code base}. */
  public static Api anonymous(URL base) {
    try {
      return new Api(base.toURI(), null);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Calls as a demo user (password {@code demo}). */
  public static Api as(URL base, String username) {
    return anonymous(base).withCredentials(username, "demo");
  }

  public Api withCredentials(String username, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Api(base, "Basic " + token, headers);
  }

  /**
   * The same calls with one more request header, such as {@code X-Forwarded-For} (the tests call
   * from the loopback address, which the server trusts as a proxy).
   */
  public Api withHeader(String name, String value) {
    var more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new Api(base, authorization, Map.copyOf(more));
  }

  public Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer get(String path, String accept) {
    return send(request(path).setHeader("Accept", accept).GET());
  }

  public Answer post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A form posted as a browser posts it ({@code application/x-www-form-urlencoded}). */
  public Answer postForm(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                field ->
                    java.net.URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + java.net.URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(java.util.stream.Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer post(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  public Answer delete(String path) {
    return send(request(path).DELETE());
  }

  /**
   * Any method on a path as given (escapes and all), with a body of that content type when {@code
   * body} is not null, and extra headers as name, value pairs (an {@code Authorization} among them
   * replaces the user's).
   */
  public Answer send(
      String method, String path, String contentType, String body, String... headers) {
    HttpRequest.Builder builder = request(path);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.setHeader(headers[i], headers[i + 1]);
    }
    if (body != null) {
      builder.setHeader("Content-Type", contentType);
    }
    return send(
        builder.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }

  public URI uri(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, application/problem+json, */*");
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    headers.forEach(builder::header);
    return builder;
  }

  private static Answer send(HttpRequest.Builder builder) {
    try {
      HttpResponse<byte[]> response =
          CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
