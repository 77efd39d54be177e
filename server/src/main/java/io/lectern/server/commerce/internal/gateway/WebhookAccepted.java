package io.lectern.server.commerce.internal.gateway;

import java.util.UUID;

/**
 * A verified, first-seen webhook call, carried by the outbox to the listener that applies it, so it is applied
 * exactly once even if the server stops right after answering the provider.
 *
 * @param provider    provider name
 * @param eventId     provider's event id
 * @param type        provider's event type
 * @param providerRef checkout session or order id, or null
 * @param paid        whether it confirms payment
 * @param amountMinor confirmed amount
 * @param currency    upper-case currency
 * @param paymentId   our payment id if the provider echoed it, or null
 */
public record WebhookAccepted(String provider, String eventId, String type, String providerRef, boolean paid,
                              long amountMinor, String currency, UUID paymentId) {

    static WebhookAccepted of(String provider, PaymentGateway.Event e) {
        return new WebhookAccepted(provider, e.eventId(), e.type(), e.providerRef().orElse(null), e.paid(),
                e.amountMinor(), e.currency(), e.paymentId().orElse(null));
    }
}
