package io.lectern.server.identity.internal.accounts;

import io.lectern.server.platform.http.Validation;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;

/**
 * Password rules: 10 to 128 characters (the upper bound keeps hashing cheap to refuse), not one of the
 * 100,000 most common passwords (nbvcxz's list, compared case-insensitively), and not the email's name part.
 */
public final class PasswordPolicy {

    public static final int MIN = 10;
    public static final int MAX = 128;

    private static final class Common {
        private static final Set<String> PASSWORDS = ConfigurationBuilder.getDefaultDictionaries().stream()
                .filter(d -> d.getDictionaryName().equals("passwords"))
                .flatMap(d -> d.getDictonary().keySet().stream())
                .map(p -> p.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Loads the common-password list now instead of on the first registration. */
    public static void warmUp() {
        Thread.ofVirtual().name("password-list").start(() -> Common.PASSWORDS.size());
    }

    public static boolean isCommon(String password) {
        return Common.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
    }

    /** Adds the broken rules for {@code field} to {@code v}. */
    public static Validation check(Validation v, String field, String password, String email) {
        if (password == null || password.isEmpty()) {
            return v.required(field, password);
        }
        v.check(password.length() >= MIN, field, "min_length", field + " must have at least " + MIN + " characters.");
        v.check(password.length() <= MAX, field, "max_length", field + " must have at most " + MAX + " characters.");
        v.check(!isCommon(password), field, "common", "This password is one of the most common ones; choose another.");
        String local = email == null ? "" : email.split("@")[0].toLowerCase(Locale.ROOT);
        v.check(local.length() < 4 || !password.toLowerCase(Locale.ROOT).contains(local), field, "contains_email",
                field + " must not contain your email address.");
        return v;
    }
}
