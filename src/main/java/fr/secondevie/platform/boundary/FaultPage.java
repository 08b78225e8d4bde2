package fr.secondevie.platform.boundary;

/**
 * The page shown when the service itself failed (never for a person's mistake, which stays on its
 * page): what to do now, fitted to whether the person is logged in and where they were, what was
 * kept, and the incident's reference for the coordination. French first, a line of English.
 */
final class FaultPage {

  private FaultPage() {}

  /**
   * @param loggedIn whether a person is logged in (then no "Se connecter", but their own space)
   * @param path the page that failed, under the context root ("/app/counter/sale.xhtml")
   * @param incident the reference logged with the stack trace
   */
  static String html(boolean loggedIn, String path, String incident) {
    boolean counter = path != null && path.startsWith("/app/counter/");
    String kept =
        counter
            ? "Les commandes en cours restent enregistrées, avec leurs appareils et leurs bons :"
                + " rouvrez l’écran de vente pour les retrouver. Vérifiez la dernière action avant"
                + " de la refaire."
            : "Ce qui était enregistré avant l’erreur est gardé. La dernière action n’a peut-être"
                + " pas été faite : vérifiez-la avant de la refaire.";
    String actions =
        loggedIn
            ? (counter
                    ? "<a class=\"button-primary\" href=\"/app/counter/sale.xhtml\">Retour à"
                        + " l’écran de vente</a> "
                    : "")
                + "<a class=\"button-link\" href=\"/app/index.xhtml\">Retour à mon espace</a>"
            : "<a class=\"button-link\" href=\"/\">Retour à l’accueil</a>"
                + " <a class=\"button-link\" href=\"/login.xhtml\">Se connecter</a>";
    return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"UTF-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>Un problème est survenu – Seconde Vie</title>\n"
        + "<link rel=\"stylesheet\" href=\"/resources/css/app.css\">\n</head>\n<body>\n"
        + "<main id=\"main\" class=\"error-page\">\n<h1>Un problème est survenu</h1>\n"
        + "<p>Le service a rencontré une erreur de son côté : ce n’est pas votre faute.</p>\n"
        + "<p id=\"kept\">"
        + kept
        + "</p>\n"
        + "<p>Si cela continue, signalez-le à la coordination avec cette référence : <strong"
        + " id=\"incident\">"
        + incident
        + "</strong></p>\n"
        + "<p lang=\"en\">Something went wrong on our side. What was saved before is kept;"
        + " check your last action before doing it again.</p>\n"
        + "<p>"
        + actions
        + "</p>\n</main>\n</body>\n</html>\n";
  }
}
