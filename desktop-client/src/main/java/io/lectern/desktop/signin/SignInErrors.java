package io.lectern.desktop.signin;

import static io.lectern.desktop.core.i18n.Messages.tr;

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
        return tr("signin.error.unexpected");
    }

    static String describe(ApiError e) {
        return switch (e.code()) {
            case "auth.invalid_credentials" -> tr("signin.error.invalidCredentials");
            case TOTP_REQUIRED -> tr("signin.error.totpRequired");
            case TOTP_INVALID -> tr("signin.error.totpInvalid");
            case "auth.email_unverified" -> tr("signin.error.emailUnverified");
            case "auth.account_disabled" -> tr("signin.error.accountDisabled");
            case "auth.rate_limited" -> tr("signin.error.rateLimited", waitThen(e.retryAfter(), tr("signin.next.tryAgain")));
            case "auth.locked" -> tr("signin.error.locked", waitThen(e.retryAfter(), tr("signin.next.tryAgain")));
            case "auth.too_many_attempts" -> tr("signin.error.tooManyCodes",
                    waitThen(e.retryAfter(), tr("signin.next.newCode")));
            case "auth.code_invalid" -> tr("signin.error.codeInvalid");
            case "auth.oidc_failed" -> detailOr(e, tr("signin.error.oidcFailed"));
            default -> byStatus(e);
        };
    }

    private static String byStatus(ApiError e) {
        int status = e.problem().status();
        if (status == 404) {
            return tr("signin.error.notOffered");
        }
        if (status == 429) {
            return tr("signin.error.serverBusy", waitThen(e.retryAfter(), tr("signin.next.tryAgain")));
        }
        return detailOr(e, tr("signin.error.refused", e.code()));
    }

    private static String detailOr(ApiError e, String fallback) {
        String detail = e.problem().detail();
        return detail == null || detail.isBlank() ? fallback : detail;
    }

    /** "Wait 2 minutes, then try again", or a vaguer wait when the server did not say; {@code next} is translated. */
    static String waitThen(Optional<Duration> wait, String next) {
        if (wait.isEmpty()) {
            return tr("signin.wait.unknown", next);
        }
        long seconds = wait.get().toSeconds();
        if (seconds <= 0) {
            return tr("signin.wait.moment", next);
        }
        return tr("signin.wait.for", spoken(seconds), next);
    }

    /** 45 → "45 seconds", 61 → "2 minutes" (rounded up), 5400 → "1 hour and 30 minutes". */
    static String spoken(long seconds) {
        if (seconds < 60) {
            return tr("signin.duration.seconds", seconds);
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return tr("signin.duration.minutes", minutes);
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return rest == 0 ? tr("signin.duration.hours", hours) : tr("signin.duration.hoursMinutes", hours, rest);
    }
}
