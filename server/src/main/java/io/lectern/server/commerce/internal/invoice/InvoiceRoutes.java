package io.lectern.server.commerce.internal.invoice;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.security.Authz;
import java.util.Map;
import java.util.UUID;

/** A learner's receipts: the list, and each as a PDF ({@code /api/v1/invoices/{id}.pdf}). */
public final class InvoiceRoutes {

    private final Json json;
    private final Invoices invoices;

    public InvoiceRoutes(Json json, Invoices invoices) {
        this.json = json;
        this.invoices = invoices;
    }

    public void register(ApiRoutes routes) {
        routes.get("/api/v1/me/invoices", Access.USER, (req, res) -> json.write(res, 200,
                        Map.of("items", invoices.ofUser(Authz.principal(req).userId()))))
                .get("/api/v1/invoices/{file}", Access.USER, this::pdf);
    }

    private void pdf(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        UUID id;
        try {
            if (!file.endsWith(".pdf")) {
                throw new IllegalArgumentException(file);
            }
            id = UUID.fromString(file.substring(0, file.length() - 4));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("This invoice");
        }
        Invoices.Row row = invoices.readable(Authz.principal(req), id);
        res.header(HeaderNames.CONTENT_TYPE, "application/pdf");
        res.header(HeaderNames.CONTENT_DISPOSITION, "inline; filename=\"" + row.view().number() + ".pdf\"");
        res.header(HeaderNames.CACHE_CONTROL, "private, no-store");
        res.send(ReceiptPdf.render(row));
    }
}
