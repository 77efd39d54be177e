package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.i18n.DateText;
import io.lectern.desktop.core.i18n.MoneyText;
import io.lectern.desktop.core.commerce.WalletClient;
import io.lectern.model.commerce.RedeemResult;
import io.lectern.model.commerce.VoucherCodeFormat;
import io.lectern.model.commerce.Wallet;
import io.lectern.model.commerce.WalletTransaction;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The wallet: balance, history, and redeeming a voucher with its check character validated as the code is typed
 * (the same rule the server applies), so a typo is caught before anything is sent.
 */
public final class WalletViewModel {

    private final WalletClient wallet;
    private final Executor background;
    private final Executor ui;
    private final StringProperty balance = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty codeProblem = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final BooleanBinding canRedeem;

    public WalletViewModel(WalletClient wallet, Executor background, Executor ui) {
        this.wallet = wallet;
        this.background = background;
        this.ui = ui;
        code.addListener((obs, old, typed) -> codeProblem.set(problem(typed)));
        canRedeem = Bindings.createBooleanBinding(() -> !busy.get() && !code.get().isBlank()
                && VoucherCodeFormat.flaw(code.get()).isEmpty(), busy, code);
    }

    /** Says what is wrong only once it is certainly wrong: a foreign symbol, too many symbols, or a failed check. */
    static String problem(String typed) {
        String n = VoucherCodeFormat.normalise(typed == null ? "" : typed);
        if (n.isEmpty()) {
            return "";
        }
        boolean foreign = n.chars().anyMatch(c -> VoucherCodeFormat.ALPHABET.indexOf(c) < 0);
        if (!foreign && n.length() < VoucherCodeFormat.PAYLOAD_SYMBOLS + 1) {
            return "";
        }
        return VoucherCodeFormat.flaw(typed).map(f -> switch (f.kind()) {
            case LENGTH -> tr("wallet.code.length", VoucherCodeFormat.PAYLOAD_SYMBOLS + 1);
            case FOREIGN -> tr("wallet.code.foreign", String.valueOf(f.foreign()));
            case TYPO -> tr("wallet.code.typo");
        }).orElse("");
    }

    public StringProperty balance() {
        return balance;
    }

    public StringProperty code() {
        return code;
    }

    public StringProperty codeProblem() {
        return codeProblem;
    }

    public StringProperty message() {
        return message;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public ObservableList<String> history() {
        return history;
    }

    public BooleanBinding canRedeem() {
        return canRedeem;
    }

    public void refresh() {
        busy.set(true);
        background.execute(() -> {
            try {
                Wallet w = wallet.wallet();
                List<WalletTransaction> items = wallet.history().items();
                ui.execute(() -> {
                    balance.set(MoneyText.of(w.balance()));
                    history.setAll(items.stream().map(t -> DateText.dayAndTime(t.at()) + "   " + t.memo() + "   "
                            + (t.amountMinor() > 0 ? "+" : "") + MoneyText.of(t.amountMinor(), t.currency())).toList());
                    busy.set(false);
                });
            } catch (ApiError | ServerUnreachableException | SessionEndedException e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    public void redeem() {
        if (!canRedeem.get()) {
            return;
        }
        busy.set(true);
        message.set(tr("wallet.redeeming"));
        String typed = code.get();
        background.execute(() -> {
            try {
                RedeemResult r = wallet.redeem(typed);
                ui.execute(() -> {
                    code.set("");
                    message.set(tr("wallet.redeemed", MoneyText.of(r.credited()), MoneyText.of(r.balance())));
                    busy.set(false);
                    refresh();
                });
            } catch (ApiError | ServerUnreachableException | SessionEndedException e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    private void fail(Exception e) {
        busy.set(false);
        message.set(e instanceof ServerUnreachableException ? tr("wallet.offline") : e.getMessage());
    }
}
