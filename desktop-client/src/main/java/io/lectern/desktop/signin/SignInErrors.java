package io.lectern.desktop.signin;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.OidcSignInException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Turns sign-in failures into sentences that say what happened and what to do next. */
final class SignInErrors {

    static final String TOTP_REQUIRED = "auth.totp_required";
    static final String TOTP_INVALID = "auth.totp_invalid";

    /** Answers after which the authenticator step stays open: the same request may still succeed. */
    private static final Set<String> KEEP_SECOND_STEP = Set.of(TOTP_REQUIRED, TOTP_INVALID, "auth.rate_limited",
            "auth.locked", "auth.too_many_attempts");

    private SignInErrors() {
    }

    static boolean keepsSecondStep(String code) {
        return KEEP_SECOND_STEP.contains(code);
    }

    static String describe(Exception e) {
        if (e instanceof ApiError api) {
            return describe(api);
        }
        if (e instanceof ServerUnreachableException || e instanceof OidcSignInException) {
            return e.getMessage();
        }
        return "Something unexpected went wrong while signing in. Try again, and if it keeps happening, contact "
                + "your Lectern administrator.";
    }

    static String describe(ApiError e) {
        return switch (e.code()) {
            case "auth.invalid_credentials" -> "The email or password is not right. Check both and try again, or "
                    + "sign in with an email code instead.";
            case TOTP_REQUIRED -> "This account also needs a code from your authenticator app. Sign in again and "
                    + "enter it when asked.";
            case TOTP_INVALID -> "That authenticator code is not right or has expired. Enter the current 6-digit "
                    + "code from your app, or a recovery code you have not used yet.";
            case "auth.email_unverified" -> "Confirm your email address first with the code we emailed you when you "
                    + "signed up, then sign in again.";
            case "auth.account_disabled" -> "This account has been deactivated. Contact your Lectern administrator "
                    + "if you think this is a mistake.";
            case "auth.rate_limited" -> "Too many sign-in attempts. " + waitThen(e.retryAfter(), "try again") + ".";
            case "auth.locked" -> "This account is locked for now after too many failed sign-ins. "
                    + waitThen(e.retryAfter(), "try again") + ".";
            case "auth.too_many_attempts" -> "Too many wrong codes. "
                    + waitThen(e.retryAfter(), "ask for a new code") + ".";
            case "auth.code_invalid" -> "That code is not right or has expired. Check the latest email from Lectern, "
                    + "or ask for a new code.";
            case "auth.oidc_failed" -> detailOr(e, "Signing in through your provider did not work. Try again, or "
                    + "sign in with your email.");
            default -> byStatus(e);
        };
    }

    private static String byStatus(ApiError e) {
        int status = e.problem().status();
        if (status == 404) {
            return "This server does not offer sign-in yet. Check the server URL or update the server.";
        }
        if (status == 429) {
            return "The server is busy with too many requests. " + waitThen(e.retryAfter(), "try again") + ".";
        }
        return detailOr(e, "The server could not sign you in (" + e.code() + "). Try again in a moment.");
    }

    private static String detailOr(ApiError e, String fallback) {
        String detail = e.problem().detail();
        return detail == null || detail.isBlank() ? fallback : detail;
    }

    /** "Wait 2 minutes, then try again", or a vaguer wait when the server did not say. */
    static String waitThen(Optional<Duration> wait, String next) {
        if (wait.isEmpty()) {
            return "Wait a few minutes, then " + next;
        }
        long seconds = wait.get().toSeconds();
        if (seconds <= 0) {
            return "Wait a moment, then " + next;
        }
        return "Wait " + spoken(seconds) + ", then " + next;
    }

    /** 45 → "45 seconds", 61 → "2 minutes" (rounded up), 5400 → "1 hour and 30 minutes". */
    static String spoken(long seconds) {
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? plural(hours, "hour") : plural(hours, "hour") + " and " + plural(rest, "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
