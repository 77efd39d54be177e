package io.lectern.server.commerce;

import io.lectern.server.platform.config.ConfigException;
import io.lectern.server.platform.config.LecternConfig;
import io.lectern.server.platform.config.ModuleSettings;
import io.lectern.server.platform.config.Settings;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

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

    /** The keys this module reads. */
    public static final Set<String> KEYS = Set.of("commerce.currency", "commerce.refund-window-days",
            "commerce.instructor-share-percent", "commerce.tax-rate-basis-points", "commerce.tax-name",
            "commerce.payout-threshold-minor", "commerce.subscription-grace-days", "commerce.seller",
            "stripe.secret-key", "stripe.webhook-secret", "stripe.api-base", "stripe.return-url", "razorpay.key-id",
            "razorpay.key-secret", "razorpay.webhook-secret", "razorpay.api-base", "paystack.secret-key",
            "paystack.api-base", "paystack.return-url");

    /** Reads this module's settings; {@code LecternConfig.module(CommerceSettings.READER)} gives them. */
    public static final ModuleSettings<CommerceSettings> READER = ModuleSettings.of(CommerceSettings.class, KEYS,
            CommerceSettings::read);

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

    /**
     * Reads and validates the money settings.
     *
     * @param s        the raw settings
     * @param platform the platform settings; hosted checkouts send buyers back to its public URL
     * @return the settings
     * @throws ConfigException when a value is wrong, or a payment provider's keys are incomplete
     */
    public static CommerceSettings read(Settings s, LecternConfig platform) {
        String currency = s.text("commerce.currency").orElse("USD");
        try {
            if (!currency.equals(currency.toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException(currency);
            }
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.origin("commerce.currency") + " must be an ISO 4217 code such as USD, EUR or "
                    + "INR, but is '" + currency + "'.");
        }
        String returnUrl = platform.publicUrl() + "/api/v1/payments/return";
        Optional<Gateway> stripe = stripeKeys(s, returnUrl);
        Optional<Gateway> razorpay = razorpayKeys(s);
        Optional<Gateway> paystack = paystackKeys(s, returnUrl);
        return new CommerceSettings(currency, Duration.ofDays(s.integer("commerce.refund-window-days", 14, 0, 365)),
                s.integer("commerce.instructor-share-percent", 70, 0, 100),
                s.integer("commerce.tax-rate-basis-points", 0, 0, 5000), s.text("commerce.tax-name").orElse("VAT"),
                s.integer("commerce.payout-threshold-minor", 5_000, 1, 100_000_000),
                Duration.ofDays(s.integer("commerce.subscription-grace-days", 3, 0, 60)),
                s.text("commerce.seller").orElse("Lectern"), stripe, razorpay, paystack);
    }

    private static Optional<Gateway> stripeKeys(Settings s, String returnUrl) {
        return s.text("stripe.secret-key").map(key -> new Gateway("", key,
                s.required("stripe.webhook-secret", "stripe.secret-key"),
                s.text("stripe.api-base").orElse("https://api.stripe.com"),
                s.text("stripe.return-url").orElse(returnUrl)));
    }

    private static Optional<Gateway> razorpayKeys(Settings s) {
        return s.text("razorpay.key-id").map(id -> new Gateway(id, s.required("razorpay.key-secret", "razorpay.key-id"),
                s.required("razorpay.webhook-secret", "razorpay.key-id"),
                s.text("razorpay.api-base").orElse("https://api.razorpay.com"), ""));
    }

    private static Optional<Gateway> paystackKeys(Settings s, String returnUrl) {
        return s.text("paystack.secret-key").map(key -> new Gateway("", key, key,
                s.text("paystack.api-base").orElse("https://api.paystack.co"),
                s.text("paystack.return-url").orElse(returnUrl)));
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
