package io.lectern.server.commerce.internal.wallet;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.lectern.model.catalog.Money;
import io.lectern.model.commerce.RedeemRequest;
import io.lectern.model.commerce.VoucherBatchRequest;
import io.lectern.model.commerce.Wallet;
import io.lectern.model.commerce.WalletTransaction;
import io.lectern.model.common.Page;
import io.lectern.model.identity.Role;
import io.lectern.server.commerce.internal.ledger.AccountKind;
import io.lectern.server.commerce.internal.ledger.Ledger;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.http.Access;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.ApiRoutes;
import io.lectern.server.platform.http.ClientIp;
import io.lectern.server.platform.http.Json;
import io.lectern.server.platform.http.PathParams;
import io.lectern.server.platform.http.QueryParams;
import io.lectern.server.platform.security.Authz;
import io.lectern.server.platform.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The learner's wallet (balance, history, voucher redemption) and the admins' voucher batches and ledger check. */
public final class WalletRoutes {

    private final Database db;
    private final boolean trustForwardedFor;
    private final Json json;
    private final Ledger ledger;
    private final Vouchers vouchers;

    public WalletRoutes(Database db, Json json, boolean trustForwardedFor, Ledger ledger, Vouchers vouchers) {
        this.db = db;
        this.json = json;
        this.trustForwardedFor = trustForwardedFor;
        this.ledger = ledger;
        this.vouchers = vouchers;
    }

    public void register(ApiRoutes routes) {
        Access admin = Access.roles(Role.ADMIN);
        routes.get("/api/v1/wallet", Access.USER, (req, res) -> json.write(res, 200, new Wallet(new Money(
                        ledger.balance(db.execute(), AccountKind.WALLET, Authz.principal(req).userId()),
                        ledger.currency()))))
                .get("/api/v1/wallet/transactions", Access.USER, this::history)
                .post("/api/v1/wallet/redeem", Access.USER, (req, res) -> json.write(res, 200, vouchers.redeem(
                        Authz.principal(req), json.read(req, RedeemRequest.class).code(), ip(req))))
                .post("/api/v1/admin/voucher-batches", admin, (req, res) -> json.write(res, 201, vouchers.createBatch(
                        Authz.principal(req), json.read(req, VoucherBatchRequest.class), ip(req))))
                .get("/api/v1/admin/voucher-batches", admin, (req, res) -> json.write(res, 200,
                        Map.of("items", vouchers.batches(QueryParams.limit(req, 50, 500)))))
                .get("/api/v1/admin/voucher-batches/{id}", admin, (req, res) -> json.write(res, 200,
                        vouchers.batch(batch(req))))
                .get("/api/v1/admin/voucher-batches/{id}/codes.csv", admin, this::csv)
                .post("/api/v1/admin/voucher-batches/{id}/revoke", admin, (req, res) -> json.write(res, 200,
                        vouchers.revoke(Authz.principal(req), batch(req), ip(req))))
                .get("/api/v1/admin/ledger/check", admin, (req, res) -> json.write(res, 200,
                        ledger.check(db.execute())));
    }

    private void history(ServerRequest req, ServerResponse res) {
        Principal p = Authz.principal(req);
        int limit = QueryParams.limit(req, 50, 200);
        Optional<Long> before = QueryParams.text(req, "cursor", 30).map(c -> {
            try {
                return Long.parseLong(c);
            } catch (NumberFormatException e) {
                throw new ApiException(400, "request.bad_cursor", "The cursor is not one this server gave out.");
            }
        });
        Optional<UUID> account = ledger.find(db.execute(), AccountKind.WALLET, p.userId());
        List<Ledger.Movement> moves = account.map(a -> ledger.history(db.execute(), a, limit + 1, before))
                .orElse(List.of());
        List<WalletTransaction> items = moves.stream().limit(limit).map(Ledger.Movement::transaction).toList();
        String next = moves.size() > limit ? Long.toString(moves.get(limit - 1).entryId()) : null;
        json.write(res, 200, new Page<>(items, next));
    }

    private void csv(ServerRequest req, ServerResponse res) {
        UUID id = batch(req);
        String body = vouchers.csv(Authz.principal(req), id, ip(req));
        res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=utf-8");
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"vouchers-" + id + ".csv\"");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(body);
    }

    private String ip(ServerRequest req) {
        return ClientIp.of(req, trustForwardedFor);
    }

    private static UUID batch(ServerRequest req) {
        return PathParams.uuid(req, "id", "This voucher batch");
    }
}
