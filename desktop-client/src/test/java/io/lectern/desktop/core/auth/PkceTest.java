package io.lectern.desktop.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PkceTest {

    @Test
    void challengeMatchesTheExampleOfRfc7636AppendixB() {
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    @Test
    void generatedVerifierIs43UnreservedCharactersAndFitsItsChallenge() {
        SecureRandom random = new SecureRandom();
        Pkce pkce = Pkce.generate(random);
        assertEquals(43, pkce.verifier().length());
        assertTrue(pkce.verifier().matches("[A-Za-z0-9\\-._~]{43,128}"), pkce.verifier());
        assertEquals(Pkce.challengeOf(pkce.verifier()), pkce.challenge());
        assertTrue(pkce.challenge().matches("[A-Za-z0-9_-]{43}"), "base64url without padding: " + pkce.challenge());
        assertNotEquals(pkce.verifier(), Pkce.generate(random).verifier());
    }
}
