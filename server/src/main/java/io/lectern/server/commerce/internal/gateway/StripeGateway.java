package io.lectern.server.commerce.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.lectern.server.commerce.CommerceSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stripe: a Checkout Session (mode {@code payment}) per top-up; {@code checkout.session.completed} (and
 * {@code checkout.session.async_payment_succeeded}) with {@code payment_status=paid} confirms it. Webhooks carry
 * {@code Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body" with the endpoint secret>}; calls older
 * than five minutes are refused.
 */
public final class StripeGateway implements PaymentGateway {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final CommerceSettings.Gateway keys;
    private final String returnUrl;
    private final ProviderApi api;
    private final ObjectMapper mapper;
    private final Clock clock;

    public StripeGateway(CommerceSettings.Gateway keys, String returnUrl, HttpClient http, ObjectMapper mapper,
                         Clock clock) {
        this.keys = keys;
        this.returnUrl = returnUrl;
        this.api = new ProviderApi("Stripe", http, mapper);
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "stripe";
    }

    @Override
    public Started start(UUID paymentId, long amountMinor, String currency, String description,
                         java.util.function.Supplier<String> email)
            throws GatewayException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("mode", "payment");
        form.put("client_reference_id", paymentId.toString());
        form.put("success_url", returnUrl + "?payment=" + paymentId + "&result=success");
        form.put("cancel_url", returnUrl + "?payment=" + paymentId + "&result=cancelled");
        form.put("line_items[0][quantity]", "1");
        form.put("line_items[0][price_data][currency]", currency.toLowerCase(Locale.ROOT));
        form.put("line_items[0][price_data][unit_amount]", Long.toString(amountMinor));
        form.put("line_items[0][price_data][product_data][name]", description);
        form.put("metadata[lectern_payment_id]", paymentId.toString());
        JsonNode session = api.postForm(keys.apiBase() + "/v1/checkout/sessions", form, "checkout session",
                "Authorization", "Bearer " + keys.secretKey(), "Idempotency-Key", "lectern-" + paymentId);
        return new Started(session.path("id").asText(), session.path("url").asText(null), null);
    }

    @Override
    public Event verify(Headers headers, byte[] body) throws WebhookRejected {
        String header = headers.first(HeaderNames.create("Stripe-Signature"))
                .orElseThrow(() -> new WebhookRejected("no Stripe-Signature header"));
        String timestamp = null;
        java.util.List<String> signatures = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String[] kv = part.strip().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                timestamp = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                signatures.add(kv[1]);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new WebhookRejected("malformed Stripe-Signature header");
        }
        long t;
        try {
            t = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new WebhookRejected("malformed Stripe-Signature timestamp");
        }
        byte[] signed = (timestamp + "." + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        String expected = Hmac.sha256Hex(keys.webhookSecret(), signed);
        if (signatures.stream().noneMatch(s -> Hmac.same(expected, s))) {
            throw new WebhookRejected("Stripe signature does not match");
        }
        if (Math.abs(clock.instant().getEpochSecond() - t) > TOLERANCE.toSeconds()) {
            throw new WebhookRejected("Stripe webhook timestamp outside the tolerance");
        }
        return parse(body);
    }

    private Event parse(byte[] body) throws WebhookRejected {
        try {
            JsonNode event = mapper.readTree(body);
            String type = event.path("type").asText("");
            JsonNode object = event.path("data").path("object");
            boolean checkout = type.startsWith("checkout.session.");
            boolean paid = (type.equals("checkout.session.completed")
                    || type.equals("checkout.session.async_payment_succeeded"))
                    && "paid".equals(object.path("payment_status").asText());
            return new Event(event.path("id").asText(), type, checkout ? Optional.of(object.path("id").asText())
                    : Optional.empty(), paid, object.path("amount_total").asLong(),
                    object.path("currency").asText("").toUpperCase(Locale.ROOT),
                    uuid(object.path("client_reference_id").asText(null)));
        } catch (IOException e) {
            throw new WebhookRejected("Stripe webhook body is not JSON");
        }
    }

    static Optional<UUID> uuid(String text) {
        try {
            return Optional.ofNullable(text).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
