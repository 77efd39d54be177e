package io.lectern.model.commerce;

import java.util.Locale;
import java.util.Optional;

/**
 * How voucher codes look: 16 Crockford base32 symbols (80 random bits) and a check symbol, grouped by four
 * ({@code 7KQ3-M9XD-2TPR-WB4H-K}). The check symbol is Luhn mod 32 over the same alphabet, so it never needs
 * symbols outside it, and it catches every single mistyped symbol and most swapped neighbours before a lookup.
 * Reading is forgiving as Crockford intends: lower case, spaces and hyphens are fine, I and L read as 1, O as 0.
 * Both the server and the desktop use this, so a typo is caught as the learner types.
 */
public final class VoucherCodeFormat {

    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int PAYLOAD_SYMBOLS = 16;

    private VoucherCodeFormat() {
    }

    /** The check symbol for a payload of alphabet symbols. */
    public static char checkSymbol(String payload) {
        int factor = 2;
        int sum = 0;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(payload.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / 32 + addend % 32;
        }
        return ALPHABET.charAt((32 - sum % 32) % 32);
    }

    /** Payload plus check symbol, grouped by four with hyphens. */
    public static String format(String payload) {
        String full = payload + checkSymbol(payload);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < full.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(full.charAt(i));
        }
        return out.toString();
    }

    /** The code as typed, normalised to its bare symbols (no separators, upper case, I/L/O read as 1/0). */
    public static String normalise(String typed) {
        StringBuilder out = new StringBuilder();
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case ' ', '-', '\t' -> { }
                case 'I', 'L' -> out.append('1');
                case 'O' -> out.append('0');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * What is wrong with a typed code, as a fact a client can put in its own words.
     *
     * @param kind    which check failed
     * @param foreign for {@link Kind#FOREIGN}, the symbol that is not in the alphabet
     */
    public record Flaw(Kind kind, char foreign) {

        /** The checks, in the order they are made. */
        public enum Kind { LENGTH, FOREIGN, TYPO }
    }

    /** What is wrong with a typed code, if anything: too short or long, a foreign symbol, or a failed check. */
    public static Optional<Flaw> flaw(String typed) {
        String code = normalise(typed == null ? "" : typed);
        if (code.length() != PAYLOAD_SYMBOLS + 1) {
            return Optional.of(new Flaw(Flaw.Kind.LENGTH, ' '));
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.of(new Flaw(Flaw.Kind.FOREIGN, c));
            }
        }
        if (checkSymbol(code.substring(0, PAYLOAD_SYMBOLS)) != code.charAt(PAYLOAD_SYMBOLS)) {
            return Optional.of(new Flaw(Flaw.Kind.TYPO, ' '));
        }
        return Optional.empty();
    }

    /** {@link #flaw} in English words, as the server answers. */
    public static Optional<String> problem(String typed) {
        return flaw(typed).map(f -> switch (f.kind()) {
            case LENGTH -> "A voucher code has " + (PAYLOAD_SYMBOLS + 1) + " letters and digits.";
            case FOREIGN -> "'" + f.foreign() + "' does not appear in voucher codes.";
            case TYPO -> "This code has a typo; check it against the card.";
        });
    }
}
