package io.lectern.desktop.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.model.common.ApiProblem;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sign-in screen's state without a server: calls go to a closed port, and the server's answers are handed to
 * {@link SignInViewModel#fail} the way the background call would.
 */
class SignInViewModelTest {

    /** Runs background work when asked, so a test sees the busy state in between. */
    private final List<Runnable> queued = new ArrayList<>();

    private SignInViewModel model(String server) {
        return new SignInViewModel(new AuthClient(new ApiClient(URI.create(server))), address -> { }, queued::add,
                Runnable::run);
    }

    private void runQueued() {
        List<Runnable> work = new ArrayList<>(queued);
        queued.clear();
        work.forEach(Runnable::run);
    }

    private static ApiError problem(int status, String code, Duration retryAfter) {
        return new ApiError(new ApiProblem("about:blank", "Error", status, "Server detail.", code, null, List.of()),
                retryAfter);
    }

    /** A model whose password sign-in the server answered with {@code auth.totp_required}. */
    private SignInViewModel askedForAuthenticatorCode() {
        SignInViewModel vm = model("http://127.0.0.1:1");
        vm.email().set("ann@example.com");
        vm.password().set("secret-password");
        vm.submit();
        queued.clear();
        vm.fail(problem(401, "auth.totp_required", null));
        return vm;
    }

    @Test
    void invalidEmailIsRefusedWithoutCallingTheServer() {
        SignInViewModel vm = model("http://127.0.0.1:1");
        vm.email().set("not-an-email");
        vm.password().set("whatever-123");
        vm.submit();
        assertEquals("Enter your email address, like name@example.com.", vm.error().get());
        assertTrue(queued.isEmpty());
    }

    @Test
    void submitIsDisabledUntilEmailAndPasswordAreFilled() {
        SignInViewModel vm = model("http://127.0.0.1:1");
        assertFalse(vm.canSubmit().get());
        vm.email().set("ann@example.com");
        assertFalse(vm.canSubmit().get());
        vm.password().set("secret-password");
        assertTrue(vm.canSubmit().get());
    }

    @Test
    void unreachableServerSaysWhereAndWhatToCheck() {
        SignInViewModel vm = model("http://127.0.0.1:1");
        vm.email().set("ann@example.com");
        vm.password().set("secret-password");
        vm.submit();
        assertTrue(vm.busy().get(), "busy while the call runs");
        runQueued();
        assertFalse(vm.busy().get());
        assertTrue(vm.error().get().startsWith("Cannot reach the Lectern server at http://127.0.0.1:1"), vm.error().get());
        assertNull(vm.session().get());
    }

    @Test
    void emailCodeModeAsksForACodeFirst() {
        SignInViewModel vm = model("http://127.0.0.1:1");
        vm.mode().set(SignInViewModel.Mode.EMAIL_CODE);
        vm.email().set("ann@example.com");
        assertTrue(vm.canSubmit().get(), "no password needed to ask for a code");
        vm.submit();
        assertEquals("Sending a code…", vm.status().get());
        runQueued();
        assertFalse(vm.codeSent().get(), "the code was not sent: the server is unreachable");
        assertTrue(vm.error().get().startsWith("Cannot reach"));
    }

    @Test
    void totpRequiredOpensTheAuthenticatorStep() {
        SignInViewModel vm = askedForAuthenticatorCode();
        assertTrue(vm.twoStep().get());
        assertFalse(vm.busy().get());
        assertEquals("", vm.error().get());
        assertEquals("Two-step sign-in for ann@example.com.", vm.status().get());
        assertFalse(vm.canSubmit().get(), "nothing to send before a code is typed");
        vm.totp().set("123 456");
        assertTrue(vm.canSubmit().get());
        vm.submit();
        assertEquals(1, queued.size(), "the sign-in request goes again, now with the code");
        assertEquals("Checking the authenticator code…", vm.status().get());
        assertTrue(vm.busy().get());
        runQueued();
        assertTrue(vm.twoStep().get(), "a network failure keeps the code field");
        assertTrue(vm.error().get().startsWith("Cannot reach"));
    }

    @Test
    void malformedAuthenticatorCodeIsRefusedWithoutCallingTheServer() {
        SignInViewModel vm = askedForAuthenticatorCode();
        vm.totp().set("12345");
        vm.submit();
        assertTrue(queued.isEmpty());
        assertEquals("Enter the 6-digit code from your authenticator app, or one of your recovery codes, like "
                + "abcd-efgh-ij.", vm.error().get());
        vm.totp().set(" abcd-efgh-ij ");
        vm.submit();
        assertEquals(1, queued.size(), "recovery codes are accepted too");
    }

    @Test
    void wrongAuthenticatorCodeKeepsTheStepOpen() {
        SignInViewModel vm = askedForAuthenticatorCode();
        vm.totp().set("654321");
        vm.fail(problem(401, "auth.totp_invalid", null));
        assertTrue(vm.twoStep().get());
        assertEquals("654321", vm.totp().get());
        assertEquals("That authenticator code is not right or has expired. Enter the current 6-digit code from your "
                + "app, or a recovery code you have not used yet.", vm.error().get());
    }

    @Test
    void rateLimitAndLockSayHowLongToWait() {
        SignInViewModel vm = askedForAuthenticatorCode();
        vm.fail(problem(429, "auth.rate_limited", Duration.ofSeconds(120)));
        assertEquals("Too many sign-in attempts. Wait 2 minutes, then try again.", vm.error().get());
        assertTrue(vm.twoStep().get(), "waiting does not lose the step");
        vm.fail(problem(429, "auth.locked", Duration.ofSeconds(30)));
        assertEquals("This account is locked for now after too many failed sign-ins. Wait 30 seconds, then try again.",
                vm.error().get());
        vm.fail(problem(429, "auth.too_many_attempts", null));
        assertEquals("Too many wrong codes. Wait a few minutes, then ask for a new code.", vm.error().get());
    }

    @Test
    void otherRefusalsLeaveTheAuthenticatorStep() {
        SignInViewModel vm = askedForAuthenticatorCode();
        vm.fail(problem(401, "auth.invalid_credentials", null));
        assertFalse(vm.twoStep().get());
        assertTrue(vm.error().get().startsWith("The email or password is not right."), vm.error().get());
    }

    @Test
    void backReturnsToTheFirstStep() {
        SignInViewModel vm = askedForAuthenticatorCode();
        vm.totp().set("123");
        vm.back();
        assertFalse(vm.twoStep().get());
        assertEquals("", vm.totp().get());
        assertEquals("Server: http://127.0.0.1:1", vm.status().get());
        assertTrue(vm.canSubmit().get(), "email and password are still filled in");
    }

    @Test
    void emailCodeSignInAlsoAsksForTheAuthenticatorCode() {
        SignInViewModel vm = model("http://127.0.0.1:1");
        vm.mode().set(SignInViewModel.Mode.EMAIL_CODE);
        vm.email().set("ann@example.com");
        vm.codeSent().set(true);
        vm.code().set("123456");
        vm.submit();
        assertEquals("Checking the code…", vm.status().get());
        queued.clear();
        vm.fail(problem(401, "auth.totp_required", null));
        assertTrue(vm.twoStep().get());
        vm.fail(problem(401, "auth.code_invalid", null));
        assertFalse(vm.twoStep().get(), "an expired mail code needs a new code, not another authenticator code");
        assertEquals("That code is not right or has expired. Check the latest email from Lectern, or ask for a new code.",
                vm.error().get());
    }

    @Test
    void accountProblemsSayWhatToDo() {
        SignInViewModel vm = model("http://127.0.0.1:1");
        vm.fail(problem(403, "auth.email_unverified", null));
        assertEquals("Confirm your email address first with the code we emailed you when you signed up, then sign in "
                + "again.", vm.error().get());
        vm.fail(problem(403, "auth.account_disabled", null));
        assertEquals("This account has been deactivated. Contact your Lectern administrator if you think this is a "
                + "mistake.", vm.error().get());
        vm.fail(problem(401, "auth.oidc_failed", null));
        assertEquals("Server detail.", vm.error().get(), "the server's own sentence for provider failures");
    }

    @Test
    void noProvidersWhenTheServerCannotBeAsked() {
        SignInViewModel vm = model("http://127.0.0.1:1");
        vm.start();
        assertEquals(1, queued.size());
        runQueued();
        assertTrue(vm.providers().isEmpty());
        assertEquals("", vm.error().get(), "a missing provider list is not an error");
        assertFalse(vm.busy().get());
    }
}
