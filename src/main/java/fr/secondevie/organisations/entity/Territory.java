package fr.secondevie.organisations.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A local chain (filière locale): the departments it covers and the coordination organisation that
 * runs it. Every organisation belongs to one territory; the coordination's admins see and act on
 * their territory only. A department belongs to one territory at most (a unique key).
 */
@Entity
@Table(name = "territory")
@NamedQuery(
    name = "Territory.findAll",
    query = "select distinct t from Territory t left join fetch t.departments order by t.code")
@NamedQuery(name = "Territory.findByCode", query = "select t from Territory t where t.code = :code")
@NamedQuery(
    name = "Territory.findOfDepartment",
    query = "select t from Territory t join t.departments d where d = :department")
public class Territory {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true)
  private String code;

  @Column(nullable = false)
  private String name;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "territory_department", joinColumns = @JoinColumn(name = "territory_id"))
  @Column(name = "department")
  private Set<String> departments = new TreeSet<>();

  @Column(name = "coordination_id")
  private Long coordinationId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  protected Territory() {}

  /**
   * A territory: a code of two to ten capital letters or digits, a name, and at least one
   * department (two digits, 2A or 2B for Corsica, three digits overseas).
   */
  public Territory(String code, String name, Set<String> departments, LocalDateTime createdAt) {
    if (code == null || !code.matches("[A-Z0-9]{2,10}")) {
      throw new IllegalArgumentException("A territory code is 2 to 10 capital letters or digits");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A territory has a name");
    }
    if (departments == null || departments.isEmpty()) {
      throw new IllegalArgumentException("A territory covers at least one department");
    }
    for (String department : departments) {
      if (department == null || !department.matches("\\d{2}|2[AB]|9[78]\\d")) {
        throw new IllegalArgumentException("Not a department: " + department);
      }
    }
    this.code = code;
    this.name = name.strip();
    this.departments = new TreeSet<>(departments);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  /** The organisation that runs the territory's chain. */
  public void coordinatedBy(Organisation coordination) {
    if (coordination.kind() != OrganisationKind.COORDINATION) {
      throw new IllegalArgumentException("A territory is run by a coordination");
    }
    this.coordinationId = coordination.id();
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public List<String> departments() {
    return List.copyOf(new TreeSet<>(departments));
  }

  public Long coordinationId() {
    return coordinationId;
  }

  /**
   * The department a postal code belongs to: its first two digits, three overseas (971 to 989);
   * Corsica's 2A and 2B share "20".
   */
  public static String departmentOf(String postalCode) {
    String code = postalCode.strip();
    if (code.length() < 3) {
      return code;
    }
    return code.startsWith("97") || code.startsWith("98")
        ? code.substring(0, 3)
        : code.substring(0, 2);
  }
}
