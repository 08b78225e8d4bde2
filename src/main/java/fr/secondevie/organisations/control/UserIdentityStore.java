package fr.secondevie.organisations.control;

import fr.secondevie.organisations.entity.AppUser;
import fr.secondevie.platform.security.AppPrincipal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;

/**
 * Checks a user name and password against the users table (PBKDF2 hashes) and gives the caller its
 * organisation and roles. A deactivated account, or one whose password is not chosen yet, is
 * refused as a wrong password is. An unknown user costs the same hash computation as a wrong
 * password, so response times do not reveal which user names exist.
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

  @PersistenceContext EntityManager em;
  @Inject Passwords passwords;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    var user =
        em.createNamedQuery("AppUser.findByUsername", AppUser.class)
            .setParameter("username", login.getCaller())
            .getResultStream()
            .findFirst();
    if (user.isEmpty() || !user.get().active() || user.get().passwordHash() == null) {
      // unknown, deactivated, or not activated yet: the same cost as a wrong password
      passwords.verifyAgainstDecoy(login.getPassword().getValue());
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (!passwords.verify(login.getPassword().getValue(), user.get().passwordHash())) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(
        new AppPrincipal(
            user.get().username(),
            user.get().organisation().id(),
            user.get().organisation().territoryId(),
            user.get().credentialVersion()),
        user.get().roles());
  }
}
