package fr.secondevie.platform.boundary;

import fr.secondevie.platform.entity.BusinessException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.PushbackInputStream;

/**
 * An operation that takes a JSON body refuses an empty one with a 400 problem, instead of handing
 * {@code null} to the resource. (Request bodies carry their constraints on fields; a constraint on
 * the parameter itself would break Payara's OpenAPI generator.)
 */
@Provider
public class RequiredBody implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    if (MediaType.APPLICATION_JSON_TYPE.isCompatible(context.getMediaType())) {
      PushbackInputStream in = new PushbackInputStream(context.getInputStream(), 1);
      int first = in.read();
      if (first < 0) {
        throw BusinessException.badRequest("INVALID_INPUT", "A JSON body is required");
      }
      in.unread(first);
      context.setInputStream(in);
    }
    return context.proceed();
  }
}
