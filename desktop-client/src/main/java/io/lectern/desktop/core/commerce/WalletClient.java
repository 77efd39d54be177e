package io.lectern.desktop.core.commerce;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.Session;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.model.commerce.RedeemRequest;
import io.lectern.model.commerce.RedeemResult;
import io.lectern.model.commerce.Wallet;
import io.lectern.model.commerce.WalletTransaction;
import java.util.List;

/** The learner's wallet: balance, history, voucher redemption. */
public final class WalletClient {

    /** One page of wallet history. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record History(List<WalletTransaction> items, String nextCursor) {
    }

    private final ApiClient api;
    private final Session session;

    public WalletClient(ApiClient api, Session session) {
        this.api = api;
        this.session = session;
    }

    public Wallet wallet() throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/wallet", Wallet.class, token));
    }

    public History history() throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.get("/api/v1/wallet/transactions?limit=50", History.class, token));
    }

    public RedeemResult redeem(String code) throws ApiError, ServerUnreachableException, SessionEndedException {
        return session.call(token -> api.post("/api/v1/wallet/redeem", new RedeemRequest(code), RedeemResult.class,
                token));
    }
}
