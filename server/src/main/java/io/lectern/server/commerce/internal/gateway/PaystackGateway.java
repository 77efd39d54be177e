package io.lectern.server.commerce.internal.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.lectern.server.commerce.CommerceSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * PayStack: a transaction initialised per top-up ({@code POST /transaction/initialize}, {@code Bearer} secret key,
 * our payment id as its {@code reference}); the learner pays on the returned {@code authorization_url} and
 * {@code charge.success} with {@code data.status=success} confirms it. Webhooks carry {@code x-paystack-signature}:
 * the hex HMAC-SHA512 of the raw body with the secret key. PayStack sends no event id, so a delivery is known by
 * its event type and {@code data.id} (the transaction id).
 */
public final class PaystackGateway implements PaymentGateway {

    private final CommerceSettings.Gateway keys;
    private final ProviderApi api;
    private final ObjectMapper mapper;

    public PaystackGateway(CommerceSettings.Gateway keys, HttpClient http, ObjectMapper mapper) {
        this.keys = keys;
        this.api = new ProviderApi("PayStack", http, mapper);
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "paystack";
    }

    @Override
    public Started start(UUID paymentId, long amountMinor, String currency, String description,
                         java.util.function.Supplier<String> email)
            throws GatewayException {
        String back = keys.returnUrl() + "?payment=" + paymentId;
        JsonNode answer = api.postJson(keys.apiBase() + "/transaction/initialize", Map.of("email", email.get(),
                "amount", amountMinor, "currency", currency, "reference", paymentId.toString(),
                "callback_url", back + "&result=success", "metadata", Map.of("lectern_payment_id", paymentId.toString(),
                        "description", description, "cancel_action", back + "&result=cancelled")),
                "initialisation", "Authorization", "Bearer " + keys.secretKey());
        if (!answer.path("status").asBoolean(false) || answer.path("data").path("authorization_url").asText("").isEmpty()) {
            throw new GatewayException("PayStack answered the initialisation without an authorization_url", null);
        }
        JsonNode data = answer.path("data");
        return new Started(data.path("reference").asText(paymentId.toString()), data.path("authorization_url").asText(),
                null);
    }

    @Override
    public Event verify(Headers headers, byte[] body) throws WebhookRejected {
        String signature = headers.first(HeaderNames.create("x-paystack-signature"))
                .orElseThrow(() -> new WebhookRejected("no x-paystack-signature header"));
        if (!Hmac.same(Hmac.sha512Hex(keys.webhookSecret(), body), signature)) {
            throw new WebhookRejected("PayStack signature does not match");
        }
        try {
            JsonNode event = mapper.readTree(body);
            String type = event.path("event").asText("");
            JsonNode data = event.path("data");
            String reference = data.path("reference").asText(null);
            String transaction = data.path("id").asText("");
            if (type.isEmpty() || transaction.isEmpty() && reference == null) {
                throw new WebhookRejected("PayStack webhook names no event or transaction");
            }
            boolean paid = type.equals("charge.success") && "success".equals(data.path("status").asText());
            Optional<UUID> ours = StripeGateway.uuid(data.path("metadata").path("lectern_payment_id").asText(null))
                    .or(() -> StripeGateway.uuid(reference));
            return new Event(type + ":" + (transaction.isEmpty() ? reference : transaction), type,
                    Optional.ofNullable(reference), paid, data.path("amount").asLong(),
                    data.path("currency").asText("").toUpperCase(Locale.ROOT), ours);
        } catch (IOException e) {
            throw new WebhookRejected("PayStack webhook body is not JSON");
        }
    }
}
