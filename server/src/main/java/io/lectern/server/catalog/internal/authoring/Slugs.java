package io.lectern.server.catalog.internal.authoring;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL names of courses: lower-case ASCII words joined by hyphens, made from a title or checked when typed. */
public final class Slugs {

    static final int MIN = 3;
    static final int MAX = 80;
    private static final Pattern VALID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static boolean valid(String slug) {
        return slug != null && slug.length() >= MIN && slug.length() <= MAX && VALID.matcher(slug).matches();
    }

    /** "Café & Crème: Basics!" becomes "cafe-creme-basics"; a title without letters or digits becomes "course". */
    public static String fromTitle(String title) {
        String ascii = MARKS.matcher(Normalizer.normalize(title.replace("ß", "ss"), Normalizer.Form.NFD)).replaceAll("");
        String slug = NON_WORD.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX - 4) {
            slug = slug.substring(0, MAX - 4).replaceAll("-+$", "");
        }
        return slug.length() < MIN ? (slug.isEmpty() ? "course" : slug + "-course") : slug;
    }

    /** The {@code n}-th alternative when a slug is taken: {@code base-2}, {@code base-3}, ... */
    public static String numbered(String base, int n) {
        String suffix = "-" + n;
        String head = base.length() + suffix.length() > MAX ? base.substring(0, MAX - suffix.length()) : base;
        return head.replaceAll("-+$", "") + suffix;
    }
}
