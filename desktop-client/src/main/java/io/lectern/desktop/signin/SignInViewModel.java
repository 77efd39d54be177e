package io.lectern.desktop.signin;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.model.identity.AuthTokens;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State and commands of the sign-in screen: email and password, or email and a mailed 6-digit code. Network
 * calls run on {@code background}; results come back on {@code ui}. Errors are sentences a user can act on.
 */
public final class SignInViewModel {

    /** How the user proves who they are. */
    public enum Mode { PASSWORD, EMAIL_CODE }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CODE = Pattern.compile("^\\d{6}$");

    private final AuthClient auth;
    private final Executor background;
    private final Executor ui;

    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.PASSWORD);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty codeSent = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<AuthTokens> session = new SimpleObjectProperty<>();

    public SignInViewModel(AuthClient auth, Executor background, Executor ui) {
        this.auth = auth;
        this.background = background;
        this.ui = ui;
        status.set("Server: " + auth.server());
    }

    public StringProperty email() {
        return email;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty code() {
        return code;
    }

    public ObjectProperty<Mode> mode() {
        return mode;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public BooleanProperty codeSent() {
        return codeSent;
    }

    public StringProperty error() {
        return error;
    }

    public StringProperty status() {
        return status;
    }

    /** The signed-in session, set once sign-in succeeds. */
    public ObjectProperty<AuthTokens> session() {
        return session;
    }

    /** True when the primary button may be pressed. */
    public BooleanBinding canSubmit() {
        return Bindings.createBooleanBinding(() -> !busy.get() && !email.get().isBlank()
                        && (mode.get() == Mode.PASSWORD ? !password.get().isEmpty() : !codeSent.get() || !code.get().isBlank()),
                busy, email, password, code, mode, codeSent);
    }

    /** The primary action: sign in with the password, or send/check the email code. */
    public void submit() {
        if (!validEmail()) {
            return;
        }
        if (mode.get() == Mode.PASSWORD) {
            run("Signing in…", () -> auth.login(email.get().strip(), password.get()));
        } else if (!codeSent.get()) {
            requestCode();
        } else if (!CODE.matcher(code.get().strip()).matches()) {
            error.set("Enter the 6-digit code from the email.");
        } else {
            run("Checking the code…", () -> auth.verifyCode(email.get().strip(), code.get().strip()));
        }
    }

    private void requestCode() {
        inBackground("Sending a code…", () -> {
            auth.requestCode(email.get().strip());
            return null;
        }, ignored -> {
            codeSent.set(true);
            status.set("We sent a 6-digit code to " + email.get().strip() + ".");
        });
    }

    private boolean validEmail() {
        if (!EMAIL.matcher(email.get().strip()).matches()) {
            error.set("Enter your email address, like name@example.com.");
            return false;
        }
        return true;
    }

    private interface Call<T> {
        T call() throws ApiError, ServerUnreachableException;
    }

    private void run(String what, Call<AuthTokens> call) {
        inBackground(what, call, tokens -> {
            password.set("");
            status.set("Signed in as " + tokens.user().displayName() + ".");
            session.set(tokens);
        });
    }

    /** Marks the screen busy, runs {@code call} off the UI thread, then hands the result or error back to it. */
    private <T> void inBackground(String what, Call<T> call, java.util.function.Consumer<T> onSuccess) {
        busy.set(true);
        error.set("");
        status.set(what);
        background.execute(() -> {
            try {
                T result = call.call();
                ui.execute(() -> {
                    busy.set(false);
                    onSuccess.accept(result);
                });
            } catch (ApiError | ServerUnreachableException e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    private void fail(Exception e) {
        busy.set(false);
        status.set("Server: " + auth.server());
        if (e instanceof ApiError api && api.problem().status() == 404) {
            error.set("This server does not offer sign-in yet. Check the server URL or update the server.");
        } else {
            error.set(e.getMessage());
        }
    }
}
