package io.lectern.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.desktop.core.api.ApiClient;
import io.lectern.desktop.core.auth.AuthClient;
import io.lectern.desktop.signin.AccountViewModel;
import io.lectern.server.LecternServer;
import io.lectern.server.testing.Accounts;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** The desktop's "Create an account" and "Forgot your password?" against a real server and its dev mailbox. */
class AccountFlowsTest {

    @Test
    void registerWithTheMailedCodeThenResetTheForgottenPassword() {
        try (LecternServer server = TestServer.start(TestServer.relaxedConfig(), routes -> { })) {
            Accounts mailbox = Accounts.of(new Http(server.baseUri()));
            AuthClient auth = new AuthClient(new ApiClient(server.baseUri()));

            AccountViewModel register = new AccountViewModel(auth, AccountViewModel.Purpose.REGISTER, Runnable::run,
                    Runnable::run);
            register.name().set("Nia New");
            register.email().set("nia.new@example.com");
            register.password().set("short");
            register.sendCode();
            assertTrue(register.error().get().contains("at least 10 characters"));
            register.password().set("a long first passphrase");
            register.sendCode();
            assertTrue(register.codeSent().get(), register.error().get());
            register.code().set("000000");
            register.confirm();
            assertTrue(!register.error().get().isEmpty(), "a wrong code is refused with the server's sentence");
            register.code().set(mailbox.latestCode("nia.new@example.com", "verification code"));
            register.confirm();
            assertNotNull(register.session().get(), register.error().get());
            assertEquals("Nia New", register.session().get().user().displayName());

            AccountViewModel reset = new AccountViewModel(auth, AccountViewModel.Purpose.RESET, Runnable::run,
                    Runnable::run);
            reset.email().set("nia.new@example.com");
            reset.sendCode();
            assertTrue(reset.codeSent().get(), reset.error().get());
            reset.code().set(mailbox.latestCode("nia.new@example.com", "Reset your Lectern password"));
            reset.password().set("a brand new passphrase");
            reset.confirm();
            assertNotNull(reset.session().get(), reset.error().get());
            assertEquals("nia.new@example.com", reset.session().get().user().email());
        }
    }
}
