package io.lectern.server.catalog.internal.authoring;

import io.lectern.model.catalog.CourseInput;
import io.lectern.model.catalog.Pricing;
import io.lectern.server.platform.http.Validation;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The field rules of a course: lengths, formats, tags, language, currency and the price rules of each pricing. */
public final class CourseRules {

    static final int MAX_TAGS = 10;
    static final int MAX_CO_INSTRUCTORS = 10;
    public static final long MAX_PRICE_MINOR = 100_000_000L;
    private static final Pattern LANGUAGE = Pattern.compile("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$");
    private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} +#.-]{0,29}$");

    private CourseRules() {
    }

    /** Checks the fields present in {@code in}; {@code creating} makes title and category required. */
    public static void check(CourseInput in, boolean creating) {
        Validation v = new Validation();
        if (creating) {
            v.required("title", in.title()).required("category", in.category());
        }
        if (in.title() != null) {
            String t = in.title().strip();
            v.check(t.length() >= 3 && t.length() <= 120, "title", "length", "title must be 3 to 120 characters.");
        }
        v.check(in.slug() == null || Slugs.valid(in.slug()), "slug", "format",
                "slug must be 3 to 80 lower-case letters, digits and single hyphens, e.g. intro-to-sql.")
                .maxLength("subtitle", in.subtitle(), 200)
                .maxLength("description", in.description(), 20_000)
                .maxLength("category", in.category(), 60)
                .check(in.language() == null || LANGUAGE.matcher(in.language()).matches(), "language", "format",
                        "language must be a language tag such as en, de or pt-BR.")
                .check(in.currency() == null || validCurrency(in.currency()), "currency", "format",
                        "currency must be an ISO 4217 code such as USD or EUR.")
                .check(in.coInstructorIds() == null || in.coInstructorIds().size() <= MAX_CO_INSTRUCTORS,
                        "coInstructorIds", "max_items", "A course has at most " + MAX_CO_INSTRUCTORS + " co-instructors.");
        checkTags(v, in.tags());
        checkPrice(v, in.pricing(), in.priceMinor());
        v.throwIfInvalid();
    }

    /** Checks the price against the pricing it will have after the change. */
    public static void checkPrice(Validation v, Pricing pricing, Long priceMinor) {
        if (priceMinor != null && (priceMinor < 0 || priceMinor > MAX_PRICE_MINOR)) {
            v.range("priceMinor", priceMinor, 0, MAX_PRICE_MINOR);
            return;
        }
        if (pricing == Pricing.ONE_TIME) {
            v.check(priceMinor != null && priceMinor > 0, "priceMinor", "required",
                    "A one-time price must be more than 0; use pricing FREE for free courses.");
        } else if (pricing != null) {
            v.check(priceMinor == null || priceMinor == 0, "priceMinor", "must_be_zero",
                    "Only ONE_TIME courses have a price; " + pricing + " courses cost 0.");
        }
    }

    private static void checkTags(Validation v, List<String> tags) {
        if (tags == null) {
            return;
        }
        v.check(tags.size() <= MAX_TAGS, "tags", "max_items", "A course has at most " + MAX_TAGS + " tags.");
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i) == null ? "" : tags.get(i).strip();
            v.check(TAG.matcher(tag).matches(), "tags[" + i + "]", "format",
                    "Tags are 1 to 30 letters, digits, spaces or + # . - and start with a letter or digit.");
        }
    }

    public static List<String> normaliseTags(List<String> tags) {
        Set<String> unique = new LinkedHashSet<>();
        tags.forEach(t -> unique.add(t.strip().toLowerCase(Locale.ROOT)));
        return new ArrayList<>(unique);
    }

    public static String normaliseLanguage(String language) {
        return Locale.forLanguageTag(language).toLanguageTag();
    }

    private static boolean validCurrency(String code) {
        try {
            return code.equals(code.toUpperCase(Locale.ROOT)) && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
