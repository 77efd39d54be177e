package io.lectern.desktop.signin;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.model.identity.AuthTokens;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Creating an account (name, email, password → the mailed code → signed in) and resetting a forgotten password
 * (email → the mailed code and a new password → signed in), two steps each, with the server's own sentences on
 * refusal.
 */
public final class AccountViewModel {

    /** What the screen is for. */
    public enum Purpose { REGISTER, RESET }

    private final AuthClient auth;
    private final Executor background;
    private final Executor ui;
    private final Purpose purpose;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty codeSent = new SimpleBooleanProperty(false);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final ObjectProperty<AuthTokens> session = new SimpleObjectProperty<>();

    public AccountViewModel(AuthClient auth, Purpose purpose, Executor background, Executor ui) {
        this.auth = auth;
        this.purpose = purpose;
        this.background = background;
        this.ui = ui;
    }

    public Purpose purpose() {
        return purpose;
    }

    public StringProperty name() {
        return name;
    }

    public StringProperty email() {
        return email;
    }

    /** The password (new account) or the new password (reset). */
    public StringProperty password() {
        return password;
    }

    public StringProperty code() {
        return code;
    }

    public StringProperty status() {
        return status;
    }

    public StringProperty error() {
        return error;
    }

    public BooleanProperty codeSent() {
        return codeSent;
    }

    public BooleanProperty busy() {
        return busy;
    }

    /** Set once signed in; the app then opens. */
    public ObjectProperty<AuthTokens> session() {
        return session;
    }

    /** First step: ask for the code (registering needs name, email and password now; a reset only the email). */
    public void sendCode() {
        String e = email.get().strip();
        if (e.isEmpty() || (purpose == Purpose.REGISTER && (name.get().isBlank() || password.get().length() < 10))) {
            error.set(purpose == Purpose.REGISTER ? tr("account.register.error.details")
                    : tr("account.reset.error.email"));
            return;
        }
        run(() -> {
            if (purpose == Purpose.REGISTER) {
                auth.register(e, password.get(), name.get().strip());
            } else {
                auth.forgotPassword(e);
            }
            return null;
        }, t -> {
            codeSent.set(true);
            status.set(tr("account.status.codeMailed", e));
        });
    }

    /** Second step: the code (and, for a reset, the new password); signs in. */
    public void confirm() {
        String e = email.get().strip();
        String c = code.get().strip();
        if (!c.matches("\\d{6}") || (purpose == Purpose.RESET && password.get().length() < 10)) {
            error.set(purpose == Purpose.RESET ? tr("account.reset.error.codeAndPassword")
                    : tr("account.register.error.code"));
            return;
        }
        run(() -> {
            if (purpose == Purpose.REGISTER) {
                return auth.verifyEmail(e, c);
            }
            auth.resetPassword(e, c, password.get());
            return auth.login(e, password.get(), null);
        }, session::set);
    }

    private interface Call {
        AuthTokens run() throws ApiError, ServerUnreachableException;
    }

    private void run(Call call, java.util.function.Consumer<AuthTokens> then) {
        busy.set(true);
        error.set("");
        background.execute(() -> {
            try {
                AuthTokens t = call.run();
                ui.execute(() -> {
                    busy.set(false);
                    then.accept(t);
                });
            } catch (ApiError | ServerUnreachableException ex) {
                ui.execute(() -> {
                    busy.set(false);
                    error.set(ex.getMessage());
                });
            }
        });
    }
}
