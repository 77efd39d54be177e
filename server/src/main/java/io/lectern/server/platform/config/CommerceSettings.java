package io.lectern.server.platform.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Money settings.
 *
 * @param currency                platform currency (ISO 4217); wallets, prices and the ledger use it
 * @param refundWindow            how long after a purchase it may be refunded; instructor earnings stay pending
 *                                until it has passed
 * @param instructorSharePercent  the instructors' default share of a sale's net (after tax)
 * @param taxRateBasisPoints      VAT/GST rate in basis points (1900 = 19 %); prices include it
 * @param taxName                 what invoices call the tax, e.g. VAT or GST
 * @param payoutThresholdMinor    smallest payout an instructor may request
 * @param subscriptionGrace       how long access survives a failed renewal
 * @param seller                  the seller's name and address printed on invoices
 * @param stripe                  Stripe keys, if Stripe checkout is offered
 * @param razorpay                Razorpay keys, if Razorpay checkout is offered
 * @param paystack                PayStack keys, if PayStack checkout is offered (it signs webhooks with the
 *                                secret key, so {@code webhookSecret} is the secret key)
 */
public record CommerceSettings(String currency, Duration refundWindow, int instructorSharePercent,
                               int taxRateBasisPoints, String taxName, long payoutThresholdMinor,
                               Duration subscriptionGrace, String seller, Optional<Gateway> stripe,
                               Optional<Gateway> razorpay, Optional<Gateway> paystack) {

    public static final CommerceSettings DEFAULTS = new CommerceSettings("USD", Duration.ofDays(14), 70, 0, "VAT",
            5_000, Duration.ofDays(3), "Lectern", Optional.empty(), Optional.empty(),
            Optional.empty());

    /**
     * A payment provider's credentials.
     *
     * @param keyId         public key or key id (Razorpay key_id; Stripe and PayStack need none)
     * @param secretKey     API secret
     * @param webhookSecret secret the provider signs webhooks with
     * @param apiBase       API address (the provider's own unless pointed at a stand-in)
     * @param returnUrl     where the provider sends the learner back after a hosted checkout
     */
    public record Gateway(String keyId, String secretKey, String webhookSecret, String apiBase, String returnUrl) {

        @Override
        public String toString() {
            return "Gateway[keyId=" + keyId + ", apiBase=" + apiBase + ", secrets=***]";
        }
    }

    public CommerceSettings withStripe(Gateway gateway) {
        return new CommerceSettings(currency, refundWindow, instructorSharePercent, taxRateBasisPoints, taxName,
                payoutThresholdMinor, subscriptionGrace, seller, Optional.of(gateway), razorpay, paystack);
    }

    public CommerceSettings withRazorpay(Gateway gateway) {
        return new CommerceSettings(currency, refundWindow, instructorSharePercent, taxRateBasisPoints, taxName,
                payoutThresholdMinor, subscriptionGrace, seller, stripe, Optional.of(gateway), paystack);
    }

    public CommerceSettings withPaystack(Gateway gateway) {
        return new CommerceSettings(currency, refundWindow, instructorSharePercent, taxRateBasisPoints, taxName,
                payoutThresholdMinor, subscriptionGrace, seller, stripe, razorpay, Optional.of(gateway));
    }

    public CommerceSettings withTaxRate(int basisPoints) {
        return new CommerceSettings(currency, refundWindow, instructorSharePercent, basisPoints, taxName,
                payoutThresholdMinor, subscriptionGrace, seller, stripe, razorpay, paystack);
    }

    public CommerceSettings withRefundWindow(Duration window) {
        return new CommerceSettings(currency, window, instructorSharePercent, taxRateBasisPoints, taxName,
                payoutThresholdMinor, subscriptionGrace, seller, stripe, razorpay, paystack);
    }

    public CommerceSettings withPayoutThreshold(long minor) {
        return new CommerceSettings(currency, refundWindow, instructorSharePercent, taxRateBasisPoints, taxName, minor,
                subscriptionGrace, seller, stripe, razorpay, paystack);
    }

    public CommerceSettings withSubscriptionGrace(Duration grace) {
        return new CommerceSettings(currency, refundWindow, instructorSharePercent, taxRateBasisPoints, taxName,
                payoutThresholdMinor, grace, seller, stripe, razorpay, paystack);
    }
}
