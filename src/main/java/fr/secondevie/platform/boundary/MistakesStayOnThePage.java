package fr.secondevie.platform.boundary;

import fr.secondevie.platform.entity.BusinessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.validation.ConstraintViolationException;
import java.util.Iterator;

/**
 * A refusal is a person's mistake, not a fault: when a page's action ends in a business refusal
 * ({@link BusinessException}) or invalid input that a backing bean did not catch itself, the same
 * page comes back with the refusal in plain words at the top and what was typed kept, instead of
 * the error page. Real faults still go to the error page. Registered in faces-config.xml.
 */
public class MistakesStayOnThePage extends ExceptionHandlerFactory {

  public MistakesStayOnThePage(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Handler(getWrapped().getExceptionHandler());
  }

  static final class Handler extends ExceptionHandlerWrapper {

    Handler(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext faces = FacesContext.getCurrentInstance();
      Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
      while (events.hasNext()) {
        Throwable exception = events.next().getContext().getException();
        BusinessException refusal = find(exception, BusinessException.class);
        ConstraintViolationException invalid = find(exception, ConstraintViolationException.class);
        if (faces.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE
            || (refusal == null && invalid == null)) {
          continue;
        }
        events.remove();
        if (refusal != null) {
          PageMessages.refused(refusal);
        } else {
          faces.addMessage(
              null,
              new FacesMessage(
                  FacesMessage.SEVERITY_ERROR, PageMessages.text("problem.INVALID_INPUT"), null));
        }
        faces.validationFailed();
        faces.renderResponse();
      }
      getWrapped().handle();
    }

    private static <T extends Throwable> T find(Throwable exception, Class<T> type) {
      for (Throwable t = exception; t != null; t = t.getCause()) {
        if (type.isInstance(t)) {
          return type.cast(t);
        }
        if (t.getCause() == t) {
          break;
        }
      }
      return null;
    }
  }
}
