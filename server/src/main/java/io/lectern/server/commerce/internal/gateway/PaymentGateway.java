package io.lectern.server.commerce.internal.gateway;

import io.helidon.http.Headers;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment provider: starts a checkout for a wallet top-up and turns its signed webhook calls into events.
 * Adapters speak each provider's documented wire format over HTTP.
 */
public interface PaymentGateway {

    /** Lower-case name used in paths: {@code stripe}, {@code razorpay}, {@code paystack}. */
    String name();

    /**
     * A checkout the provider opened.
     *
     * @param providerRef the provider's session or order id (its webhooks name it)
     * @param redirectUrl where to send the learner, if the provider hosts the page
     * @param keyId       the public key its client widget needs, if any
     */
    record Started(String providerRef, String redirectUrl, String keyId) {
    }

    /**
     * Opens a checkout for {@code amountMinor} of {@code currency}, labelled with our payment id; {@code email} gives
     * the learner's, for providers that require a customer email (PayStack); the others never ask, so no lookup.
     */
    Started start(UUID paymentId, long amountMinor, String currency, String description,
                  java.util.function.Supplier<String> email)
            throws GatewayException;

    /**
     * What a verified webhook said.
     *
     * @param eventId     the provider's event id (deduplicates deliveries)
     * @param type        the provider's event type
     * @param providerRef the checkout session or order it is about, if any
     * @param paid        whether it confirms the money arrived
     * @param amountMinor the amount it confirms
     * @param currency    upper-case ISO currency
     * @param paymentId   our payment id, when the provider echoes it back
     */
    record Event(String eventId, String type, Optional<String> providerRef, boolean paid, long amountMinor,
                 String currency, Optional<UUID> paymentId) {
    }

    /**
     * Checks the signature exactly as the provider documents it and parses the event; throws
     * {@link WebhookRejected} when the call is not from the provider (unsigned, wrong signature, stale, malformed).
     */
    Event verify(Headers headers, byte[] body) throws WebhookRejected;

    /** The provider failed or refused a call; the message is safe to log (never holds secrets). */
    final class GatewayException extends Exception {
        private static final long serialVersionUID = 1L;

        public GatewayException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A webhook call that is not provably from the provider. */
    final class WebhookRejected extends Exception {
        private static final long serialVersionUID = 1L;

        public WebhookRejected(String message) {
            super(message);
        }
    }
}
