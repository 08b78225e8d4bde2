package fr.secondevie.vouchers.control;

import fr.secondevie.organisations.control.Directory;
import fr.secondevie.organisations.entity.Organisation;
import fr.secondevie.platform.entity.BusinessException;
import fr.secondevie.platform.security.Caller;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.vouchers.entity.Statement;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * What funders owe a relay: the statements of the vouchers it took, as the funders drew them up
 * (DRAFT, AGREED, PAID), newest month first. A counter reads its own relay's only; the query is
 * scoped by the relay, so nothing of another relay is read.
 */
@ApplicationScoped
public class RelayStatements {

  /** A statement with the names the relay knows it by. */
  public record RelayStatement(Statement statement, String programme, String funder) {}

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject Caller caller;

  /** The relay's statements: 404 Relay for any relay but the counter's own. */
  @Transactional
  public List<RelayStatement> of(long relayId) {
    if (!caller.hasRole(Roles.COUNTER) || caller.organisationId() != relayId) {
      throw BusinessException.notFound("Relay");
    }
    return em
        .createQuery(
            "select s, p from Statement s, VoucherProgramme p"
                + " where p.id = s.programmeId and s.relayId = :relay"
                + " and s.kind = fr.secondevie.vouchers.entity.Statement.Kind.RELAY_PAYMENT"
                + " order by s.period desc, p.name, s.id",
            Object[].class)
        .setParameter("relay", relayId)
        .getResultList()
        .stream()
        .map(
            row -> {
              VoucherProgramme programme = (VoucherProgramme) row[1];
              return new RelayStatement(
                  (Statement) row[0],
                  programme.name(),
                  directory
                      .findOrganisation(programme.authorityId())
                      .map(Organisation::name)
                      .orElse(""));
            })
        .toList();
  }
}
