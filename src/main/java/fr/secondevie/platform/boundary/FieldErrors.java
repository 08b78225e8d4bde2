package fr.secondevie.platform.boundary;

import jakarta.el.ExpressionFactory;
import jakarta.el.ValueExpression;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UIMessage;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.component.html.HtmlInputHidden;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitHint;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PostAddToViewEvent;
import jakarta.faces.event.PreRenderViewEvent;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A mistake is said where it was made, as French public-service sites do (the DSFR's error
 * summary): under the field, by the page's {@code h:message} or {@code p:message} for it, and in a
 * summary at the top of the page whose links take the keyboard focus to each field. The field
 * itself is marked {@code aria-invalid} and tied to its message by {@code aria-describedby}, so a
 * screen reader reads the message with the field; a help text the page already tied to the field
 * stays tied.
 *
 * <p>{@link Wiring} gives every input of every page, when the page is built, the two attributes as
 * expressions of this bean, and finds before each rendering which message is rendered for which
 * field (rows of a repeated form apart).
 */
@Named("fieldErrors")
@RequestScoped
public class FieldErrors {

  /** What a page set itself as {@code aria-describedby}: kept, with the message added. */
  static final String OWN_DESCRIBED_BY = "fr.secondevie.ownDescribedBy";

  private static final String WIRED = "fr.secondevie.fieldErrorsWired";

  /** One mistake of the summary: the field's id on the page and what is wrong with it. */
  public record FieldError(String fieldId, String text) {}

  private final Map<String, String> messageOf = new HashMap<>();

  /** The mistakes at fields, in the order of the page. */
  public List<FieldError> getList() {
    FacesContext faces = FacesContext.getCurrentInstance();
    List<FieldError> list = new ArrayList<>();
    Iterator<String> ids = faces.getClientIdsWithMessages();
    while (ids.hasNext()) {
      String id = ids.next();
      if (id == null) {
        continue;
      }
      for (FacesMessage m : faces.getMessageList(id)) {
        if (m.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0) {
          list.add(new FieldError(id, m.getSummary()));
        }
      }
    }
    return list;
  }

  /**
   * {@code true} when the field being rendered has a mistake, else nothing: refused by its
   * validation, or by a backing bean (a message at it while the component stays valid; made
   * invalid, Faces would show it empty and lose what was typed). On a PrimeFaces input this
   * attribute takes the place of the one PrimeFaces writes.
   */
  public String invalid(UIComponent input) {
    return wrong(input) ? "true" : null;
  }

  /**
   * The mistake said at a field that a page writes as plain HTML (an input with this id, not a
   * component: the counter's scan, voucher and cash fields), or null: the page writes it under the
   * field and ties it to the field itself.
   */
  public String textAt(String clientId) {
    return FacesContext.getCurrentInstance().getMessageList(clientId).stream()
        .filter(m -> m.getSeverity().compareTo(FacesMessage.SEVERITY_ERROR) >= 0)
        .map(FacesMessage::getSummary)
        .findFirst()
        .orElse(null);
  }

  /** The ids that describe the field being rendered: its help, then its message if wrong. */
  public String describedBy(UIComponent input) {
    Object own = input.getAttributes().get(OWN_DESCRIBED_BY);
    if (own instanceof ValueExpression expression) {
      own = expression.getValue(FacesContext.getCurrentInstance().getELContext());
    }
    String ids = own == null || own.toString().isBlank() ? null : own.toString().trim();
    String message =
        wrong(input) ? messageOf.get(input.getClientId(FacesContext.getCurrentInstance())) : null;
    if (message == null) {
      return ids;
    }
    return ids == null ? message : ids + " " + message;
  }

  private static boolean wrong(UIComponent input) {
    FacesContext faces = FacesContext.getCurrentInstance();
    return (input instanceof UIInput field && !field.isValid())
        || !faces.getMessageList(input.getClientId(faces)).isEmpty();
  }

  void remember(String fieldId, String messageId) {
    messageOf.putIfAbsent(fieldId, messageId);
  }

  /**
   * Registered in faces-config.xml for {@link PostAddToViewEvent} and {@link PreRenderViewEvent}.
   */
  public static class Wiring implements SystemEventListener {

    @Override
    public boolean isListenerForSource(Object source) {
      return source instanceof UIInput || source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) {
      FacesContext faces = FacesContext.getCurrentInstance();
      if (event instanceof PostAddToViewEvent && event.getSource() instanceof UIInput input) {
        wire(faces, input);
      } else if (event instanceof PreRenderViewEvent
          && event.getSource() instanceof UIViewRoot root) {
        findMessages(faces, root);
      }
    }

    private static void wire(FacesContext faces, UIInput input) {
      if (input instanceof HtmlInputHidden || input.getAttributes().containsKey(WIRED)) {
        return;
      }
      Map<String, Object> passThrough = input.getPassThroughAttributes(true);
      Object own = passThrough.remove("aria-describedby");
      if (own == null) {
        own = input.getAttributes().get("aria-describedby");
        if (own != null) {
          input.getAttributes().remove("aria-describedby");
        }
      }
      if (own != null) {
        input.getAttributes().put(OWN_DESCRIBED_BY, own);
      }
      input.getAttributes().put(WIRED, Boolean.TRUE);
      ExpressionFactory expressions = faces.getApplication().getExpressionFactory();
      passThrough.put(
          "aria-describedby",
          expressions.createValueExpression(
              faces.getELContext(), "#{fieldErrors.describedBy(component)}", String.class));
      passThrough.put(
          "aria-invalid",
          expressions.createValueExpression(
              faces.getELContext(), "#{fieldErrors.invalid(component)}", String.class));
    }

    private static void findMessages(FacesContext faces, UIViewRoot root) {
      if (faces.getMessageList().isEmpty()) {
        return;
      }
      FieldErrors errors =
          faces.getApplication().evaluateExpressionGet(faces, "#{fieldErrors}", FieldErrors.class);
      root.visitTree(
          VisitContext.createVisitContext(faces, null, EnumSet.of(VisitHint.SKIP_UNRENDERED)),
          (context, component) -> {
            if (component instanceof UIMessage message && message.getFor() != null) {
              UIComponent field = message.findComponent(message.getFor());
              if (field != null) {
                errors.remember(field.getClientId(faces), message.getClientId(faces));
              }
            }
            return VisitResult.ACCEPT;
          });
    }
  }
}
