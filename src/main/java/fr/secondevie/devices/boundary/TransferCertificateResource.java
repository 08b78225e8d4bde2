package fr.secondevie.devices.boundary;

import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** A public body's attestation of free transfer of a donation, in place of a tax receipt. */
@Path("donations/{donationId}/transfer-certificate")
@RequestScoped
public class TransferCertificateResource {

  @Inject Traceability traceability;

  @GET
  @Produces(Document.PDF)
  @RolesAllowed({Roles.DONOR, Roles.ADMIN})
  public Response pdf(@PathParam("donationId") long donationId) {
    Document document = traceability.transferCertificate(donationId);
    return Response.ok(document.pdf(), Document.PDF)
        .header("Content-Disposition", document.disposition("inline"))
        .build();
  }
}
