package io.lectern.desktop.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignInErrorsTest {

    @Test
    void waitsAreSpokenRoundedUp() {
        assertEquals("1 second", SignInErrors.spoken(1));
        assertEquals("45 seconds", SignInErrors.spoken(45));
        assertEquals("1 minute", SignInErrors.spoken(60));
        assertEquals("2 minutes", SignInErrors.spoken(61));
        assertEquals("1 hour", SignInErrors.spoken(3600));
        assertEquals("1 hour and 30 minutes", SignInErrors.spoken(5400));
        assertEquals("Wait a moment, then try again", SignInErrors.waitThen(Optional.of(Duration.ZERO), "try again"));
    }
}
