package fr.secondevie.organisations.control;

import fr.secondevie.platform.security.AccountStanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.OptionalInt;

/** The users table answers the authentication whether an account is still active, and how. */
@ApplicationScoped
public class AccountStandings implements AccountStanding {

  @PersistenceContext EntityManager em;

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public OptionalInt activeVersion(String username) {
    return em.createNativeQuery(
            "select credential_version from app_user where username = ? and active = true")
        .setParameter(1, username)
        .getResultStream()
        .mapToInt(v -> ((Number) v).intValue())
        .findFirst();
  }
}
