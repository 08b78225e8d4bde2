package fr.secondevie.vouchers.boundary;

import fr.secondevie.platform.control.Document;
import fr.secondevie.platform.security.Roles;
import fr.secondevie.vouchers.control.Booklets;
import fr.secondevie.vouchers.entity.Booklet;
import fr.secondevie.vouchers.entity.VoucherCode;
import fr.secondevie.vouchers.entity.VoucherProgramme;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The social structure's booklets of passes numériques (API.md second part, "Booklets"): it lists
 * them, prints one and records its handover, to a person or to the bearer. Another structure's
 * booklet is not found.
 */
@Path("booklets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BookletsResource {

  /** To whom the booklet goes: a person of the structure, or nobody named (the bearer). */
  public static class Handover {
    @Size(max = 40)
    public String beneficiaryId;
  }

  /** A booklet as its structure sees it (the codes are on the printed sheet). */
  public record BookletView(
      long id,
      long programmeId,
      String programmeName,
      int passCount,
      long faceValueCents,
      LocalDate validUntil,
      OffsetDateTime allocatedAt,
      OffsetDateTime handedOverAt,
      String beneficiaryId) {}

  /** The answer to a handover. */
  public record HandoverView(long id, OffsetDateTime handedOverAt, String beneficiaryId) {}

  @Inject Booklets booklets;
  @Inject Clock clock;

  @GET
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public List<BookletView> list() {
    return booklets.ofMyStructure().stream().map(this::view).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public BookletView get(@PathParam("id") long id) {
    return view(booklets.getOfMyStructure(id));
  }

  @POST
  @Path("{id}/handover")
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public HandoverView handOver(@PathParam("id") long id, @Valid Handover request) {
    Booklet booklet = booklets.handOver(id, request == null ? null : request.beneficiaryId);
    return new HandoverView(
        booklet.id(), offset(booklet.handedOverAt(), clock), booklet.beneficiaryRef());
  }

  /** The booklet's passes to print: A4 sheets with a QR code per pass, no holder's name. */
  @GET
  @Path("{id}/sheet")
  @Produces("application/pdf")
  @RolesAllowed(Roles.SOCIAL_WORKER)
  public Response sheet(@PathParam("id") long id) {
    Document sheet = booklets.sheet(id);
    return Response.ok(sheet.pdf(), Document.PDF)
        .header("Content-Disposition", sheet.disposition("inline"))
        .build();
  }

  private BookletView view(Booklet b) {
    VoucherProgramme programme = booklets.programmeOf(b);
    return new BookletView(
        b.id(),
        programme.id(),
        programme.name(),
        b.passCount(),
        programme.faceValue().cents(),
        programme.validUntil(),
        offset(b.createdAt(), clock),
        offset(b.handedOverAt(), clock),
        b.beneficiaryRef());
  }

  static OffsetDateTime offset(LocalDateTime at, Clock clock) {
    return at == null ? null : at.atZone(clock.getZone()).toOffsetDateTime();
  }

  /** A booklet allocated, as its funder is answered: its passes' codes as printed. */
  public record AllocatedView(long id, long structureId, List<String> codes) {
    static AllocatedView of(Booklets.Allocated a) {
      return new AllocatedView(
          a.booklet().id(),
          a.booklet().structureId(),
          a.codes().stream().map(VoucherCode::group).toList());
    }
  }
}
