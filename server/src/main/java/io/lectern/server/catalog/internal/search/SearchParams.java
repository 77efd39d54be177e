package io.lectern.server.catalog.internal.search;

import io.helidon.common.uri.UriQuery;
import io.lectern.model.catalog.CourseLevel;
import io.lectern.model.catalog.Pricing;
import io.lectern.model.common.FieldViolation;
import io.lectern.server.catalog.internal.authoring.CourseRules;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.QueryParams;
import io.lectern.server.platform.http.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code GET /api/v1/courses} parameters into a {@link SearchRequest}, naming the parameter and rule of
 * anything it cannot accept: {@code q} (≤ 200 characters, any punctuation), {@code category}, {@code level},
 * {@code language} (repeatable), {@code price} ({@code free}, {@code paid}, {@code subscription}) or
 * {@code free=true|false}, {@code minPrice}, {@code maxPrice}, {@code minRating}, {@code instructor},
 * {@code sort} and {@code limit}/{@code cursor}.
 */
public final class SearchParams {

    static final int MAX_QUERY = 200;
    private static final int MAX_VALUES = 20;

    private SearchParams() {
    }

    public static SearchRequest read(UriQuery req) {
        Optional<String> q = req.first("q").map(String::strip).filter(s -> !s.isEmpty());
        new Validation().check(q.map(s -> s.length() <= MAX_QUERY).orElse(true), "q", "max_length",
                "q must be at most " + MAX_QUERY + " characters.").throwIfInvalid();
        Optional<String> text = q.filter(s -> s.codePoints().anyMatch(Character::isLetterOrDigit));
        List<String> levels = list(req, "level").stream().map(l -> l.toUpperCase(Locale.ROOT)).toList();
        Validation v = new Validation();
        levels.forEach(l -> v.check(isLevel(l), "level", "one_of", "level must be beginner, intermediate or advanced."));
        Optional<Pricing> pricing = pricing(req, v);
        Optional<Long> minPrice = number(req, "minPrice", v);
        Optional<Long> maxPrice = number(req, "maxPrice", v);
        Optional<Double> minRating = rating(req, v);
        SearchSort sort = QueryParams.text(req, "sort", 20).map(s -> SearchSort.parse(s).orElseGet(() -> {
            v.check(false, "sort", "one_of", "sort must be relevance, newest, rating, popularity, price_asc or price_desc.");
            return SearchSort.RELEVANCE;
        })).orElse(SearchSort.RELEVANCE);
        v.throwIfInvalid();
        int limit = QueryParams.limit(req, 20, 100);
        SearchSort effective = text.isEmpty() && sort == SearchSort.RELEVANCE ? SearchSort.NEWEST : sort;
        Optional<SearchCursor> cursor = req.first("cursor").filter(c -> !c.isBlank())
                .map(c -> SearchCursor.decode(c, effective));
        return new SearchRequest(text, list(req, "category"), levels, list(req, "language"), pricing, minPrice, maxPrice,
                minRating, QueryParams.uuid(req, "instructor"), sort, limit, cursor);
    }

    public static String priceValue(Pricing p) {
        return switch (p) {
            case FREE -> "free";
            case ONE_TIME -> "paid";
            case SUBSCRIPTION -> "subscription";
        };
    }

    public static String priceLabel(Pricing p) {
        return switch (p) {
            case FREE -> "Free";
            case ONE_TIME -> "Paid";
            case SUBSCRIPTION -> "Included in subscription";
        };
    }

    private static Optional<Pricing> pricing(UriQuery req, Validation v) {
        Optional<Boolean> free = QueryParams.bool(req, "free");
        Optional<String> price = QueryParams.text(req, "price", 20).map(s -> s.toLowerCase(Locale.ROOT));
        if (price.isPresent()) {
            for (Pricing p : Pricing.values()) {
                if (priceValue(p).equals(price.get())) {
                    return Optional.of(p);
                }
            }
            v.check(false, "price", "one_of", "price must be free, paid or subscription.");
            return Optional.empty();
        }
        return free.map(f -> f ? Pricing.FREE : Pricing.ONE_TIME);
    }

    private static List<String> list(UriQuery req, String name) {
        List<String> values = new ArrayList<>();
        for (String raw : req.all(name, List::of)) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.strip());
                }
            }
        }
        if (values.size() > MAX_VALUES || values.stream().anyMatch(s -> s.length() > 60)) {
            throw ApiException.invalid(List.of(new FieldViolation(name, "max_items",
                    name + " takes at most " + MAX_VALUES + " values of at most 60 characters.")));
        }
        return values;
    }

    private static Optional<Long> number(UriQuery req, String name, Validation v) {
        return QueryParams.text(req, name, 20).flatMap(s -> {
            try {
                long n = Long.parseLong(s);
                v.range(name, n, 0, CourseRules.MAX_PRICE_MINOR);
                return Optional.of(n);
            } catch (NumberFormatException e) {
                v.check(false, name, "format", name + " must be a whole number of minor units (cents).");
                return Optional.empty();
            }
        });
    }

    private static Optional<Double> rating(UriQuery req, Validation v) {
        return QueryParams.text(req, "minRating", 10).flatMap(s -> {
            try {
                double r = Double.parseDouble(s);
                v.check(r >= 0 && r <= 5, "minRating", "range", "minRating must be between 0 and 5.");
                return Optional.of(r);
            } catch (NumberFormatException e) {
                v.check(false, "minRating", "format", "minRating must be a number such as 4 or 4.5.");
                return Optional.empty();
            }
        });
    }

    private static boolean isLevel(String text) {
        for (CourseLevel l : CourseLevel.values()) {
            if (l.name().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
