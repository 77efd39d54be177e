package io.lectern.server.commerce.internal.gateway;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.commerce.CheckoutRequest;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.ClientIp;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.security.Authz;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Top-ups through payment providers, and the providers' webhook endpoints. */
public final class PaymentRoutes {

    private static final int MAX_WEBHOOK_BYTES = 256 * 1024;

    private final boolean trustForwardedFor;
    private final Json json;
    private final Payments payments;

    public PaymentRoutes(Json json, boolean trustForwardedFor, Payments payments) {
        this.json = json;
        this.trustForwardedFor = trustForwardedFor;
        this.payments = payments;
    }

    public void register(ApiRoutes routes) {
        routes.get("/api/v1/payments/providers", Access.PUBLIC, (req, res) -> json.write(res, 200,
                        Map.of("items", payments.providers())))
                .post("/api/v1/payments/checkout", Access.USER, (req, res) -> json.write(res, 201,
                        payments.checkout(Authz.principal(req), json.read(req, CheckoutRequest.class))))
                .get("/api/v1/payments/return", Access.PUBLIC, this::returned)
                .get("/api/v1/payments/{id}", Access.USER, (req, res) -> json.write(res, 200,
                        payments.status(Authz.principal(req), PathParams.uuid(req, "id", "This payment"))))
                .post("/api/v1/payments/webhooks/{provider}", Access.PUBLIC, this::webhook);
    }

    /** Where a hosted checkout sends the learner back: a plain page telling them to return to the app. */
    private void returned(ServerRequest req, ServerResponse res) {
        boolean ok = "success".equals(req.query().first("result").orElse(""));
        res.header(io.helidon.http.HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.header(io.helidon.http.HeaderNames.create("Content-Security-Policy"), "default-src 'none'");
        res.send("<!doctype html><html><head><meta charset=\"utf-8\"><title>Lectern</title></head><body "
                + "style=\"font-family:sans-serif;margin:4em\"><h1>" + (ok ? "Payment received" : "Payment cancelled")
                + "</h1><p>" + (ok ? "Your wallet is topped up as soon as the provider confirms it, usually within "
                + "seconds. You can close this window and return to Lectern." : "Nothing was charged. You can close this "
                + "window and return to Lectern.") + "</p></body></html>");
    }

    private void webhook(ServerRequest req, ServerResponse res) {
        boolean duplicate = payments.receive(PathParams.text(req, "provider"), req.headers(), body(req),
                ClientIp.of(req, trustForwardedFor));
        json.write(res, 200, Map.of("received", true, "duplicate", duplicate));
    }

    private static byte[] body(ServerRequest req) {
        if (req.headers().contentLength().orElse(0) > MAX_WEBHOOK_BYTES) {
            throw new ApiException(413, "request.too_large", "Webhook bodies are at most 256 KiB.");
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes(MAX_WEBHOOK_BYTES + 1);
            if (body.length > MAX_WEBHOOK_BYTES) {
                throw new ApiException(413, "request.too_large", "Webhook bodies are at most 256 KiB.");
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
