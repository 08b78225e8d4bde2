package fr.secondevie.receipts.boundary;

import fr.secondevie.platform.security.Roles;
import fr.secondevie.receipts.boundary.TaxReceiptsResource.ReceiptView;
import fr.secondevie.receipts.control.TaxReceipts;
import fr.secondevie.receipts.entity.TaxReceipt;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The admin issues the tax receipt of a received donation. */
@Path("donations/{id}/tax-receipt")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DonationReceiptResource {

  @Inject TaxReceipts receipts;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Roles.ADMIN)
  public Response issue(@PathParam("id") long donationId) {
    TaxReceipt receipt = receipts.issue(donationId);
    return Response.created(
            uri.getBaseUriBuilder().path("tax-receipts").path(receipt.number()).build())
        .entity(ReceiptView.of(receipt))
        .build();
  }
}
