package io.lectern.desktop.signin;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.core.auth.BrowserOpener;
import io.lectern.desktop.core.auth.OidcLoopbackFlow;
import io.lectern.desktop.core.auth.OidcSignInException;
import io.lectern.model.identity.AuthTokens;
import io.lectern.model.identity.OidcCodeExchange;
import io.lectern.model.identity.OidcProvider;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the sign-in screen: email and password, or email and a mailed 6-digit code, then an
 * authenticator code when the account has two-step sign-in; or a configured OpenID Connect provider through the
 * browser. Network calls run on {@code background}; results come back on {@code ui}. Errors are sentences a
 * user can act on.
 */
public final class SignInViewModel {

    /** How the user proves who they are. */
    public enum Mode { PASSWORD, EMAIL_CODE }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern CODE = Pattern.compile("^\\d{6}$");
    private static final Pattern RECOVERY_CODE = Pattern.compile("^[A-Za-z0-9]+(-[A-Za-z0-9]+)+$");

    private final AuthClient auth;
    private final OidcLoopbackFlow oidc;
    private final Executor background;
    private final Executor ui;

    private final StringProperty email = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty totp = new SimpleStringProperty("");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.PASSWORD);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty codeSent = new SimpleBooleanProperty(false);
    private final BooleanProperty twoStep = new SimpleBooleanProperty(false);
    private final BooleanProperty waitingForBrowser = new SimpleBooleanProperty(false);
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty browserAddress = new SimpleStringProperty("");
    private final ObjectProperty<AuthTokens> session = new SimpleObjectProperty<>();
    private final ObservableList<OidcProvider> providers = FXCollections.observableArrayList();

    /** The last sign-in request, to send again with the authenticator code; null for browser sign-in. */
    private SecondStep pending;
    private OidcLoopbackFlow.Attempt browserAttempt;

    public SignInViewModel(AuthClient auth, BrowserOpener browser, Executor background, Executor ui) {
        this(auth, browser, OidcLoopbackFlow.TIMEOUT, background, ui);
    }

    SignInViewModel(AuthClient auth, BrowserOpener browser, Duration browserTimeout, Executor background, Executor ui) {
        this.auth = auth;
        this.background = background;
        this.ui = ui;
        this.oidc = new OidcLoopbackFlow(address -> {
            ui.execute(() -> browserAddress.set(address.toString()));
            browser.open(address);
        }, browserTimeout, new SecureRandom());
        status.set(serverStatus());
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

    /** The authenticator (6 digits) or recovery code of the second step. */
    public StringProperty totp() {
        return totp;
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

    /** True while the screen asks for the authenticator code after the server answered {@code totp_required}. */
    public BooleanProperty twoStep() {
        return twoStep;
    }

    /** True while a browser sign-in waits for the user to finish in the browser; it may be cancelled then. */
    public BooleanProperty waitingForBrowser() {
        return waitingForBrowser;
    }

    /**
     * The provider's sign-in page while a browser sign-in waits, so the user can open it by hand when no browser
     * came up; empty otherwise.
     */
    public StringProperty browserAddress() {
        return browserAddress;
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

    /** The OpenID Connect providers the server offers, filled by {@link #start()}. */
    public ObservableList<OidcProvider> providers() {
        return providers;
    }

    /** True when the primary button may be pressed. */
    public BooleanBinding canSubmit() {
        return Bindings.createBooleanBinding(() -> !busy.get() && (twoStep.get() ? !totp.get().isBlank()
                        : !email.get().isBlank() && (mode.get() == Mode.PASSWORD ? !password.get().isEmpty()
                        : !codeSent.get() || !code.get().isBlank())),
                busy, email, password, code, totp, mode, codeSent, twoStep);
    }

    /** Loads the sign-in providers in the background; without any (or without an answer) no button shows. */
    public void start() {
        background.execute(() -> {
            try {
                List<OidcProvider> found = auth.providers();
                List<OidcProvider> usable = found == null ? List.of()
                        : found.stream().filter(p -> p.id() != null && p.name() != null).toList();
                ui.execute(() -> providers.setAll(usable));
            } catch (ApiError | ServerUnreachableException | RuntimeException ignored) {
                // no providers to offer: password and email code still work
            }
        });
    }

    /** The primary action: sign in with the password, send/check the email code, or send the authenticator code. */
    public void submit() {
        if (twoStep.get()) {
            submitSecondStep();
            return;
        }
        if (!validEmail()) {
            return;
        }
        String address = email.get().strip();
        if (mode.get() == Mode.PASSWORD) {
            String secret = password.get();
            signIn(tr("signin.status.signingIn"), withTotp -> auth.login(address, secret, withTotp));
        } else if (!codeSent.get()) {
            requestCode(address);
        } else if (!CODE.matcher(code.get().strip()).matches()) {
            error.set(tr("signin.error.emailCodeFormat"));
        } else {
            String mailed = code.get().strip();
            signIn(tr("signin.status.checkingCode"), withTotp -> auth.verifyCode(address, mailed, withTotp));
        }
    }

    /** Leaves the authenticator step and goes back to email and password (or code). */
    public void back() {
        twoStep.set(false);
        totp.set("");
        pending = null;
        error.set("");
        status.set(serverStatus());
    }

    /** Signs in through {@code provider} in the browser; {@link #cancelBrowserSignIn()} stops waiting. */
    public void signInWith(OidcProvider provider) {
        if (busy.get()) {
            return;
        }
        OidcLoopbackFlow.Attempt attempt = oidc.attempt();
        browserAttempt = attempt;
        pending = null;
        waitingForBrowser.set(true);
        inBackground(tr("signin.status.waitingForBrowser"), () -> {
            OidcCodeExchange exchange = attempt.authorize(provider);
            ui.execute(() -> {
                waitingForBrowser.set(false);
                browserAddress.set("");
                status.set(tr("signin.status.signingInWith", provider.name()));
            });
            return auth.exchangeOidc(provider.id(), exchange);
        }, this::signedIn);
    }

    /** Stops waiting for the browser sign-in in progress, if any. */
    public void cancelBrowserSignIn() {
        if (browserAttempt != null) {
            browserAttempt.cancel();
        }
    }

    private void submitSecondStep() {
        String value = totp.get().strip();
        String digits = value.replaceAll("\\s", "");
        String answer = CODE.matcher(digits).matches() ? digits
                : RECOVERY_CODE.matcher(value).matches() && value.length() <= 40 ? value : null;
        if (answer == null || pending == null) {
            error.set(tr("signin.error.totpFormat"));
            return;
        }
        SecondStep request = pending;
        inBackground(tr("signin.status.checkingTotp"), () -> request.send(answer), this::signedIn);
    }

    private void requestCode(String address) {
        inBackground(tr("signin.status.sendingCode"), () -> {
            auth.requestCode(address);
            return null;
        }, ignored -> {
            codeSent.set(true);
            status.set(tr("signin.status.codeSent", address));
        });
    }

    private boolean validEmail() {
        if (!EMAIL.matcher(email.get().strip()).matches()) {
            error.set(tr("signin.error.emailFormat"));
            return false;
        }
        return true;
    }

    /** A sign-in request that can be sent again with an authenticator code ({@code null} the first time). */
    private interface SecondStep {
        AuthTokens send(String totp) throws ApiError, ServerUnreachableException;
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private void signIn(String what, SecondStep request) {
        pending = request;
        inBackground(what, () -> request.send(null), this::signedIn);
    }

    private void signedIn(AuthTokens tokens) {
        password.set("");
        totp.set("");
        twoStep.set(false);
        pending = null;
        status.set(tr("signin.status.signedIn", tokens.user().displayName()));
        session.set(tokens);
    }

    /** Marks the screen busy, runs {@code call} off the UI thread, then hands the result or error back to it. */
    private <T> void inBackground(String what, Call<T> call, Consumer<T> onSuccess) {
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
            } catch (Exception e) {
                ui.execute(() -> fail(e));
            }
        });
    }

    /** Shows what went wrong; {@code auth.totp_required} instead opens the authenticator step. */
    void fail(Exception e) {
        busy.set(false);
        waitingForBrowser.set(false);
        browserAddress.set("");
        status.set(serverStatus());
        if (e instanceof OidcSignInException browser && browser.cancelled()) {
            error.set("");
            return;
        }
        String problem = e instanceof ApiError api ? api.code() : "";
        if (SignInErrors.TOTP_REQUIRED.equals(problem) && pending != null) {
            twoStep.set(true);
            totp.set("");
            error.set("");
            status.set(tr("signin.status.twoStep", email.get().strip()));
            return;
        }
        if (twoStep.get() && e instanceof ApiError && !SignInErrors.keepsSecondStep(problem)) {
            twoStep.set(false);
            totp.set("");
            pending = null;
        }
        error.set(SignInErrors.describe(e));
    }

    private String serverStatus() {
        return tr("signin.status.server", auth.server());
    }
}
