package io.lectern.server.commerce.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.lectern.server.commerce.CommerceSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Razorpay: an Order per top-up (the learner pays in Razorpay's checkout widget with our public key id);
 * {@code payment.captured} or {@code order.paid} confirms it. Webhooks carry {@code X-Razorpay-Signature}: the hex
 * HMAC-SHA256 of the raw body with the webhook secret, and {@code X-Razorpay-Event-Id}.
 */
public final class RazorpayGateway implements PaymentGateway {

    private final CommerceSettings.Gateway keys;
    private final ProviderApi api;
    private final ObjectMapper mapper;

    public RazorpayGateway(CommerceSettings.Gateway keys, HttpClient http, ObjectMapper mapper) {
        this.keys = keys;
        this.api = new ProviderApi("Razorpay", http, mapper);
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "razorpay";
    }

    @Override
    public Started start(UUID paymentId, long amountMinor, String currency, String description,
                         java.util.function.Supplier<String> email)
            throws GatewayException {
        String basic = Base64.getEncoder().encodeToString((keys.keyId() + ":" + keys.secretKey())
                .getBytes(StandardCharsets.UTF_8));
        JsonNode order = api.postJson(keys.apiBase() + "/v1/orders", Map.of("amount", amountMinor, "currency", currency,
                "receipt", paymentId.toString().substring(0, 36), "notes", Map.of("lectern_payment_id",
                        paymentId.toString(), "description", description)), "order", "Authorization", "Basic " + basic);
        return new Started(order.path("id").asText(), null, keys.keyId());
    }

    @Override
    public Event verify(Headers headers, byte[] body) throws WebhookRejected {
        String signature = headers.first(HeaderNames.create("X-Razorpay-Signature"))
                .orElseThrow(() -> new WebhookRejected("no X-Razorpay-Signature header"));
        if (!Hmac.same(Hmac.sha256Hex(keys.webhookSecret(), body), signature)) {
            throw new WebhookRejected("Razorpay signature does not match");
        }
        try {
            JsonNode event = mapper.readTree(body);
            String type = event.path("event").asText("");
            JsonNode payment = event.path("payload").path("payment").path("entity");
            JsonNode order = event.path("payload").path("order").path("entity");
            String orderId = payment.path("order_id").asText(order.path("id").asText(null));
            boolean paid = type.equals("payment.captured") && "captured".equals(payment.path("status").asText())
                    || type.equals("order.paid") && "paid".equals(order.path("status").asText());
            long amount = payment.isMissingNode() ? order.path("amount_paid").asLong() : payment.path("amount").asLong();
            String currency = (payment.isMissingNode() ? order : payment).path("currency").asText("");
            String eventId = headers.first(HeaderNames.create("X-Razorpay-Event-Id"))
                    .orElse(type + ":" + payment.path("id").asText(orderId));
            JsonNode notes = payment.path("notes").isObject() ? payment.path("notes") : order.path("notes");
            return new Event(eventId, type, Optional.ofNullable(orderId), paid, amount, currency.toUpperCase(Locale.ROOT),
                    StripeGateway.uuid(notes.path("lectern_payment_id").asText(null)));
        } catch (IOException e) {
            throw new WebhookRejected("Razorpay webhook body is not JSON");
        }
    }
}
