package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.security.Caller;
import fr.secondevie.vouchers.control.RelayStatements;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The relay's page of what funders owe it: their statements, with status and amounts. */
@Named
@RequestScoped
public class RelayStatementsBacking {

  @Inject RelayStatements statements;
  @Inject Caller caller;

  private List<RelayStatements.RelayStatement> list;

  public List<RelayStatements.RelayStatement> getStatements() {
    if (list == null) {
      list = statements.of(caller.organisationId());
    }
    return list;
  }

  /** What the agreed and paid statements add up to, and what is still to be paid. */
  public long getOwedCents() {
    return getStatements().stream()
        .filter(s -> s.statement().status().name().equals("AGREED"))
        .mapToLong(s -> s.statement().amount().cents())
        .sum();
  }

  public long getPaidCents() {
    return getStatements().stream()
        .filter(s -> s.statement().status().name().equals("PAID"))
        .mapToLong(s -> s.statement().amount().cents())
        .sum();
  }
}
