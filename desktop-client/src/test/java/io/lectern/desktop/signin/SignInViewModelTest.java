package io.lectern.desktop.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {

    /** Runs background work when asked, so a test sees the busy state in between. */
    private final List<Runnable> queued = new ArrayList<>();

    private SignInViewModel model(String server) {
        return new SignInViewModel(new AuthClient(new ApiClient(URI.create(server))), queued::add, Runnable::run);
    }

    private void runQueued() {
        List<Runnable> work = new ArrayList<>(queued);
        queued.clear();
        work.forEach(Runnable::run);
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
}
