package io.lectern.server.demo;

import io.lectern.model.catalog.CourseLevel;
import java.util.List;
import java.util.Map;

/** The demo courses as data: slug, title, subtitle, category, level, price in cents and instructor (0 or 1). */
final class DemoCatalog {

    record Course(String slug, String title, String subtitle, String category, CourseLevel level, long priceMinor,
                  int instructor) {
    }

    static final Map<String, String> CATEGORIES = Map.of(
            "programming", "Programming", "data", "Data & AI", "design", "Design", "business", "Business",
            "languages", "Languages", "music", "Music");

    static final List<Course> COURSES = List.of(
            new Course("java-from-zero", "Java from Zero", "Write real programs in modern Java", "programming",
                    CourseLevel.BEGINNER, 0, 0),
            new Course("concurrency-in-practice", "Concurrency in Practice", "Threads, virtual threads and locks "
                    + "without tears", "programming", CourseLevel.ADVANCED, 4900, 0),
            new Course("sql-for-analysts", "SQL for Analysts", "Answer business questions with PostgreSQL", "data",
                    CourseLevel.BEGINNER, 1900, 1),
            new Course("statistics-essentials", "Statistics Essentials", "Distributions, tests and intuition", "data",
                    CourseLevel.INTERMEDIATE, 2900, 1),
            new Course("machine-learning-foundations", "Machine Learning Foundations", "From linear models to "
                    + "gradient boosting", "data", CourseLevel.INTERMEDIATE, 5900, 1),
            new Course("ui-design-basics", "UI Design Basics", "Layout, colour and type for apps", "design",
                    CourseLevel.BEGINNER, 0, 0),
            new Course("typography-deep-dive", "Typography Deep Dive", "Choosing and pairing typefaces", "design",
                    CourseLevel.ADVANCED, 2400, 0),
            new Course("startup-finance", "Startup Finance", "Runway, pricing and fundraising", "business",
                    CourseLevel.INTERMEDIATE, 3900, 1),
            new Course("negotiation-skills", "Negotiation Skills", "Prepare, listen and close", "business",
                    CourseLevel.BEGINNER, 1500, 1),
            new Course("spanish-for-travellers", "Spanish for Travellers", "Everyday phrases in two weeks",
                    "languages", CourseLevel.BEGINNER, 0, 0),
            new Course("japanese-kana", "Japanese Kana", "Read hiragana and katakana", "languages",
                    CourseLevel.BEGINNER, 990, 0),
            new Course("music-theory-101", "Music Theory 101", "Scales, chords and rhythm", "music",
                    CourseLevel.BEGINNER, 1200, 1));

    private DemoCatalog() {
    }
}
