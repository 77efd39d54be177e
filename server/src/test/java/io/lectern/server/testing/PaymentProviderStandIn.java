package io.lectern.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for Stripe's, Razorpay's and PayStack's APIs, speaking their documented wire formats: Stripe's
 * {@code POST /v1/checkout/sessions} (form-encoded, {@code Authorization: Bearer sk_...}), Razorpay's
 * {@code POST /v1/orders} (JSON, HTTP Basic {@code key_id:key_secret}) and PayStack's
 * {@code POST /transaction/initialize} (JSON, {@code Authorization: Bearer sk_...}). It refuses wrong credentials
 * like the providers do, records what it was asked, and signs webhook payloads exactly as each provider documents.
 */
public final class PaymentProviderStandIn implements AutoCloseable {

    public static final String STRIPE_SECRET = "sk_test_lectern_standin";
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_lectern_standin_0123456789";
    public static final String RAZORPAY_KEY_ID = "rzp_test_lectern";
    public static final String RAZORPAY_KEY_SECRET = "rzp_secret_standin";
    public static final String RAZORPAY_WEBHOOK_SECRET = "rzp_webhook_standin_secret";
    public static final String PAYSTACK_SECRET = "sk_test_paystack_lectern_standin";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Map<String, String>> stripeSessions = new CopyOnWriteArrayList<>();
    private final List<JsonNode> razorpayOrders = new CopyOnWriteArrayList<>();
    private final List<JsonNode> paystackTransactions = new CopyOnWriteArrayList<>();

    public PaymentProviderStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/checkout/sessions", this::stripeSession);
        server.createContext("/v1/orders", this::razorpayOrder);
        server.createContext("/transaction/initialize", this::paystackInitialize);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Map<String, String>> stripeSessions() {
        return stripeSessions;
    }

    public List<JsonNode> razorpayOrders() {
        return razorpayOrders;
    }

    public List<JsonNode> paystackTransactions() {
        return paystackTransactions;
    }

    private void stripeSession(HttpExchange ex) throws IOException {
        if (!("Bearer " + STRIPE_SECRET).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided\"}}");
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        stripeSessions.add(form);
        String id = "cs_test_" + ids.incrementAndGet();
        send(ex, 200, MAPPER.createObjectNode().put("id", id).put("object", "checkout.session")
                .put("url", "https://checkout.stripe.com/c/pay/" + id).put("payment_status", "unpaid")
                .put("amount_total", Long.parseLong(form.get("line_items[0][price_data][unit_amount]")))
                .put("currency", form.get("line_items[0][price_data][currency]"))
                .put("client_reference_id", form.get("client_reference_id")).toString());
    }

    private void razorpayOrder(HttpExchange ex) throws IOException {
        String basic = "Basic " + Base64.getEncoder().encodeToString((RAZORPAY_KEY_ID + ":" + RAZORPAY_KEY_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{\"error\":{\"code\":\"BAD_REQUEST_ERROR\",\"description\":\"Authentication failed\"}}");
            return;
        }
        JsonNode order = MAPPER.readTree(ex.getRequestBody());
        razorpayOrders.add(order);
        send(ex, 200, MAPPER.createObjectNode().put("id", "order_" + ids.incrementAndGet()).put("entity", "order")
                .put("amount", order.path("amount").asLong()).put("amount_paid", 0)
                .put("amount_due", order.path("amount").asLong()).put("currency", order.path("currency").asText())
                .put("receipt", order.path("receipt").asText()).put("status", "created").set("notes", order.path("notes"))
                .toString());
    }

    private synchronized void paystackInitialize(HttpExchange ex) throws IOException {
        if (!("Bearer " + PAYSTACK_SECRET).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, "{\"status\":false,\"message\":\"Invalid key\"}");
            return;
        }
        JsonNode in = MAPPER.readTree(ex.getRequestBody());
        String reference = in.path("reference").asText();
        if (!in.path("email").asText("").contains("@") || !in.path("amount").canConvertToExactIntegral()) {
            send(ex, 400, "{\"status\":false,\"message\":\"Invalid Email Address Passed\"}");
            return;
        }
        if (paystackTransactions.stream().anyMatch(t -> t.path("reference").asText().equals(reference))) {
            send(ex, 400, "{\"status\":false,\"message\":\"Duplicate Transaction Reference\"}");
            return;
        }
        paystackTransactions.add(in);
        String accessCode = "ac_" + ids.incrementAndGet();
        var answer = MAPPER.createObjectNode().put("status", true).put("message", "Authorization URL created");
        answer.putObject("data").put("authorization_url", "https://checkout.paystack.com/" + accessCode)
                .put("access_code", accessCode).put("reference", reference);
        send(ex, 200, answer.toString());
    }

    /** A {@code charge.success} event for a transaction, as PayStack sends it. */
    public static String paystackChargeSuccess(long transactionId, String reference, long amount, String currency) {
        return paystackEvent("charge.success", "success", transactionId, reference, amount, currency);
    }

    /** A PayStack event of any type about a transaction. */
    public static String paystackEvent(String type, String status, long transactionId, String reference, long amount,
                                       String currency) {
        var data = MAPPER.createObjectNode().put("id", transactionId).put("domain", "test").put("status", status)
                .put("reference", reference).put("amount", amount).put("gateway_response", "Successful")
                .put("paid_at", "2026-11-30T02:00:00.000Z").put("channel", "card").put("currency", currency)
                .put("fees", 150);
        data.putObject("metadata").put("lectern_payment_id", reference);
        data.putObject("customer").put("id", 84312).put("email", "learner@example.com")
                .put("customer_code", "CUS_standin");
        var event = MAPPER.createObjectNode().put("event", type);
        event.set("data", data);
        return event.toString();
    }

    /** The {@code x-paystack-signature} header: hex HMAC-SHA512 of the raw body with the secret key. */
    public static String paystackSignature(String body, String secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code checkout.session.completed} event for a session, as Stripe sends it. */
    public static String stripeCompleted(String eventId, String sessionId, String paymentId, long amount, String currency) {
        var object = MAPPER.createObjectNode().put("id", sessionId).put("object", "checkout.session")
                .put("payment_status", "paid").put("status", "complete").put("amount_total", amount)
                .put("currency", currency.toLowerCase()).put("client_reference_id", paymentId);
        var event = MAPPER.createObjectNode().put("id", eventId).put("object", "event")
                .put("type", "checkout.session.completed").put("created", System.currentTimeMillis() / 1000);
        event.putObject("data").set("object", object);
        return event.toString();
    }

    /** The {@code Stripe-Signature} header Stripe would send for {@code payload} at {@code timestamp}. */
    public static String stripeSignature(String payload, long timestamp, String secret) {
        return "t=" + timestamp + ",v1=" + hmac(secret, (timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
    }

    /** A {@code payment.captured} event for an order, as Razorpay sends it. */
    public static String razorpayCaptured(String paymentId, String orderId, long amount, String currency,
                                          String lecternPaymentId) {
        var entity = MAPPER.createObjectNode().put("id", paymentId).put("entity", "payment").put("amount", amount)
                .put("currency", currency).put("status", "captured").put("order_id", orderId).put("method", "upi");
        entity.putObject("notes").put("lectern_payment_id", lecternPaymentId);
        var event = MAPPER.createObjectNode().put("entity", "event").put("account_id", "acc_standin")
                .put("event", "payment.captured").put("created_at", System.currentTimeMillis() / 1000);
        event.putArray("contains").add("payment");
        event.putObject("payload").putObject("payment").set("entity", entity);
        return event.toString();
    }

    /** The {@code X-Razorpay-Signature} header for a raw body. */
    public static String razorpaySignature(String body, String secret) {
        return hmac(secret, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String hmac(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
