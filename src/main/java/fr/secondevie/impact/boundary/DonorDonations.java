package fr.secondevie.impact.boundary;

import fr.secondevie.donations.entity.Donation;
import fr.secondevie.platform.entity.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** A donation of the caller's own company, or 404 (never reveal another company's gifts). */
@ApplicationScoped
public class DonorDonations {

  @PersistenceContext EntityManager em;

  public Donation getOfDonor(long donationId, long donorId) {
    return em.createNamedQuery("Donation.findOneOfDonor", Donation.class)
        .setParameter("id", donationId)
        .setParameter("donor", donorId)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> BusinessException.notFound("Donation"));
  }
}
