package fr.secondevie.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The JSON API of API.md, under {@code /api/v1}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Seconde Vie API",
            version = "1",
            description =
                "Donations, refurbished devices, eligibility, vouchers, counter sales and tax"
                    + " receipts of a solidarity chain for second-hand digital equipment."),
    security = @SecurityRequirement(name = "basic"))
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class RestApplication extends Application {}
