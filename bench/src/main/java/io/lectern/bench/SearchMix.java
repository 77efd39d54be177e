package io.lectern.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The searches learners make, in proportions like a catalog's logs: mostly a topic word or two, some with a
 * filter or another sort, some misspelt, some browsing a category without words, a few the whole catalog; each
 * query distinct, then drawn with Zipf frequencies.
 */
final class SearchMix {

    private static final String[] LEVELS = {"beginner", "intermediate", "advanced"};
    private static final String[] SORTS = {"rating", "popularity", "newest", "price_asc"};
    private static final String[] QUALIFIERS = {"beginners", "projects", "advanced", "complete", "practical"};

    private SearchMix() {
    }

    /**
     * Which query each request sends: a Zipf distribution over the queries (exponent {@code s}), so a few are
     * asked often and most rarely, as in real search logs.
     */
    static int[] zipf(int queries, int requests, double s, Random random) {
        double[] cumulative = new double[queries];
        double sum = 0;
        for (int i = 0; i < queries; i++) {
            sum += 1 / Math.pow(i + 1, s);
            cumulative[i] = sum;
        }
        int[] picks = new int[requests];
        for (int r = 0; r < requests; r++) {
            double x = random.nextDouble() * sum;
            int index = java.util.Arrays.binarySearch(cumulative, x);
            picks[r] = Math.min(queries - 1, index >= 0 ? index : -index - 1);
        }
        return picks;
    }

    static List<String> queries(CourseGenerator generator, int count, Random random) {
        List<String> topics = generator.topics();
        List<String> categories = List.copyOf(CourseGenerator.TOPICS.keySet());
        List<String> queries = new ArrayList<>();
        for (int attempt = 0; queries.size() < count && attempt < count * 20; attempt++) {
            String topic = topics.get(random.nextInt(topics.size())).toLowerCase(Locale.ROOT);
            int roll = random.nextInt(100);
            String query;
            if (roll < 40) {
                query = q(topic);
            } else if (roll < 55) {
                query = q(topic + " " + QUALIFIERS[random.nextInt(QUALIFIERS.length)]);
            } else if (roll < 65) {
                query = q(typo(topic, random));
            } else if (roll < 80) {
                query = "category=" + categories.get(random.nextInt(categories.size())) + "&level="
                        + LEVELS[random.nextInt(LEVELS.length)];
            } else if (roll < 90) {
                query = q(topic) + (random.nextBoolean() ? "&price=free" : "&minRating=4&language=en");
            } else if (roll < 96) {
                query = q(topic) + "&sort=" + SORTS[random.nextInt(SORTS.length)];
            } else {
                query = "sort=" + SORTS[random.nextInt(SORTS.length)];
            }
            if (!queries.contains(query + "&limit=20")) {
                queries.add(query + "&limit=20");
            }
        }
        return queries;
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Swaps two neighbouring letters of the longest word: "pyhton". */
    private static String typo(String topic, Random random) {
        String[] words = topic.split(" ");
        int longest = 0;
        for (int w = 1; w < words.length; w++) {
            longest = words[w].length() > words[longest].length() ? w : longest;
        }
        String word = words[longest];
        if (word.length() < 4) {
            return topic;
        }
        int at = 1 + random.nextInt(word.length() - 2);
        char[] chars = word.toCharArray();
        char c = chars[at];
        chars[at] = chars[at + 1];
        chars[at + 1] = c;
        words[longest] = new String(chars);
        return String.join(" ", words);
    }
}
