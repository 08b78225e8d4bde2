package fr.secondevie.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * The first row of a counter or a chain (a numbered series' scope, a day's totals, a journal's
 * head), created the first time it is needed, in a transaction of its own, so that the caller's
 * lock is always taken by the same UPDATE or SELECT … FOR UPDATE on a row that exists. The
 * statement is an {@code insert … select … where not exists (…)}; when another caller creates the
 * row at the same moment, the unique key refuses the second insert, which is no failure: the row
 * exists then, and the caller goes on to lock it.
 */
@ApplicationScoped
public class FirstRows {

  @Inject Inserter inserter;

  /** Runs {@code insertIfAbsent} with its positional parameters in a transaction of its own. */
  public void open(String insertIfAbsent, Object... parameters) {
    try {
      inserter.insert(insertIfAbsent, parameters);
    } catch (RuntimeException openedConcurrently) {
      // Another caller created the row at the same moment: it exists now.
    }
  }

  /** The insert's own transaction (its failure surfaces at its commit, outside it). */
  @ApplicationScoped
  public static class Inserter {

    @PersistenceContext EntityManager em;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(String sql, Object... parameters) {
      Query insert = em.createNativeQuery(sql);
      for (int i = 0; i < parameters.length; i++) {
        insert.setParameter(i + 1, parameters[i]);
      }
      insert.executeUpdate();
    }
  }
}
