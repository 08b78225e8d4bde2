package fr.secondevie.organisations.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * The link that lets a new account choose its password: only the SHA-256 of its token is kept (the
 * link itself goes to the person and nowhere else), it is used once and expires.
 */
@Entity
@Table(name = "account_activation")
public class AccountActivation {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "user_id")
  private AppUser user;

  @Column(name = "token_hash", nullable = false, updatable = false)
  private String tokenHash;

  @Column(name = "created_at", nullable = false, updatable = false)
  private LocalDateTime createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private LocalDateTime expiresAt;

  @Column(name = "used_at")
  private LocalDateTime usedAt;

  protected AccountActivation() {}

  public AccountActivation(
      AppUser user, String tokenHash, LocalDateTime createdAt, LocalDateTime expiresAt) {
    if (!expiresAt.isAfter(createdAt)) {
      throw new IllegalArgumentException("An activation link expires after it is made");
    }
    this.user = Objects.requireNonNull(user);
    this.tokenHash = Objects.requireNonNull(tokenHash);
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public Long id() {
    return id;
  }

  public AppUser user() {
    return user;
  }

  public LocalDateTime expiresAt() {
    return expiresAt;
  }
}
