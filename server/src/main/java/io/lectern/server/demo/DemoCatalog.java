package io.lectern.server.demo;

import io.lectern.model.catalog.CourseLevel;
import java.util.List;
import java.util.Map;

/**
 * The demo courses as data: what each teaches (three key points), a true-or-false statement and a one-answer
 * question for its quiz, and the project its assignment asks for. {@link DemoSeed} builds each into a whole course.
 */
final class DemoCatalog {

    /**
     * One demo course.
     *
     * @param slug       URL name
     * @param title      title
     * @param subtitle   one-line pitch
     * @param category   category slug
     * @param level      level
     * @param priceMinor price in cents; 0 is free
     * @param instructor 0 (Ada) or 1 (Grace)
     * @param points     three things it teaches
     * @param statement  a statement for the true-or-false question
     * @param statementTrue whether it is true
     * @param question   a one-answer question: the question, the right answer, two wrong ones
     * @param project    what the assignment asks for
     */
    record Course(String slug, String title, String subtitle, String category, CourseLevel level, long priceMinor,
                  int instructor, List<String> points, String statement, boolean statementTrue, List<String> question,
                  String project) {
    }

    static final Map<String, String> CATEGORIES = Map.of(
            "programming", "Programming", "data", "Data & AI", "design", "Design", "business", "Business",
            "languages", "Languages", "music", "Music");

    /** A colour per category: thumbnails, video title cards and certificate accents. */
    static final Map<String, String> COLOURS = Map.of("programming", "#2f5da8", "data", "#1b7f6b", "design", "#a8432f",
            "business", "#6b4fa8", "languages", "#b07a12", "music", "#a82f6e");

    static final List<Course> COURSES = List.of(
            new Course("java-from-zero", "Java from Zero", "Write real programs in modern Java", "programming",
                    CourseLevel.BEGINNER, 0, 0, List.of("variables, types and records", "loops and collections",
                    "a small command-line program"), "A Java record can have methods", true,
                    List.of("Which keyword declares a variable whose type the compiler infers?", "var", "let", "auto"),
                    "Write a program that counts the words in a text file and prints the ten most frequent."),
            new Course("concurrency-in-practice", "Concurrency in Practice", "Threads, virtual threads and locks "
                    + "without tears", "programming", CourseLevel.ADVANCED, 4900, 0, List.of("threads and virtual "
                    + "threads", "locks, atomics and the memory model", "structured concurrency"),
                    "A virtual thread blocked on I/O keeps its carrier thread busy", false,
                    List.of("What makes a data race impossible for one shared counter?", "An AtomicLong",
                            "A volatile long", "A larger thread pool"),
                    "Make a bank transfer between two accounts safe under concurrency and explain why it is."),
            new Course("sql-for-analysts", "SQL for Analysts", "Answer business questions with PostgreSQL", "data",
                    CourseLevel.BEGINNER, 1900, 1, List.of("SELECT, WHERE and ORDER BY", "joins and grouping",
                    "window functions"), "GROUP BY runs before WHERE", false,
                    List.of("Which clause filters groups after aggregation?", "HAVING", "WHERE", "LIMIT"),
                    "Write a query giving each month's revenue and its change against the month before."),
            new Course("statistics-essentials", "Statistics Essentials", "Distributions, tests and intuition", "data",
                    CourseLevel.INTERMEDIATE, 2900, 1, List.of("distributions and what they describe",
                    "confidence intervals", "hypothesis tests"), "A p-value is the probability that the null "
                    + "hypothesis is true", false, List.of("What does a wider confidence interval mean?",
                    "Less certainty about the estimate", "A bigger effect", "A smaller sample error"),
                    "Design an A/B test for a sign-up page and say how many visitors it needs."),
            new Course("machine-learning-foundations", "Machine Learning Foundations", "From linear models to "
                    + "gradient boosting", "data", CourseLevel.INTERMEDIATE, 5900, 1, List.of("linear and logistic "
                    + "models", "overfitting and validation", "trees and gradient boosting"),
                    "Cross-validation helps to detect overfitting", true, List.of("What does regularisation "
                    + "penalise?", "Large model weights", "Small datasets", "Slow training"),
                    "Train a model on a public dataset and report its validated accuracy honestly."),
            new Course("ui-design-basics", "UI Design Basics", "Layout, colour and type for apps", "design",
                    CourseLevel.BEGINNER, 0, 0, List.of("grids and spacing", "colour and contrast",
                    "type scales"), "Contrast matters for people with good eyesight too", true,
                    List.of("What contrast ratio does WCAG AA ask for body text?", "4.5:1", "2:1", "10:1"),
                    "Redesign one screen of an app you use and explain three changes."),
            new Course("typography-deep-dive", "Typography Deep Dive", "Choosing and pairing typefaces", "design",
                    CourseLevel.ADVANCED, 2400, 0, List.of("anatomy of a typeface", "pairing serif and sans",
                    "rhythm and measure"), "A line of body text reads best at 45 to 75 characters", true,
                    List.of("What is leading?", "The space between lines", "The space between letters",
                            "The weight of a typeface"),
                    "Set one page of a book in two typefaces and compare them."),
            new Course("startup-finance", "Startup Finance", "Runway, pricing and fundraising", "business",
                    CourseLevel.INTERMEDIATE, 3900, 1, List.of("runway and burn rate", "pricing a product",
                    "raising money"), "Revenue and profit are the same thing", false,
                    List.of("How is runway computed?", "Cash divided by monthly burn", "Revenue times margin",
                            "Valuation divided by shares"),
                    "Build a twelve-month cash plan for a small software company."),
            new Course("negotiation-skills", "Negotiation Skills", "Prepare, listen and close", "business",
                    CourseLevel.BEGINNER, 1500, 1, List.of("preparing your alternatives", "listening for interests",
                    "closing the deal"), "Your best alternative to an agreement sets your walk-away point", true,
                    List.of("What does BATNA stand for?", "Best alternative to a negotiated agreement",
                            "Basic agreement to negotiate again", "Binding arbitration term"),
                    "Plan a salary negotiation: your alternatives, their interests, your first offer."),
            new Course("spanish-for-travellers", "Spanish for Travellers", "Everyday phrases in two weeks",
                    "languages", CourseLevel.BEGINNER, 0, 0, List.of("greetings and small talk",
                    "ordering food", "asking the way"), "\"Gracias\" means \"please\"", false,
                    List.of("How do you ask where the station is?", "¿Dónde está la estación?",
                            "¿Cuánto cuesta la estación?", "¿Qué hora es la estación?"),
                    "Write a short dialogue ordering dinner in a restaurant."),
            new Course("japanese-kana", "Japanese Kana", "Read hiragana and katakana", "languages",
                    CourseLevel.BEGINNER, 990, 0, List.of("the hiragana table", "katakana for loanwords",
                    "reading simple words"), "Katakana is used mostly for words from other languages", true,
                    List.of("Which script writes native grammar endings?", "Hiragana", "Katakana", "Romaji"),
                    "Write your name and five food words in katakana."),
            new Course("music-theory-101", "Music Theory 101", "Scales, chords and rhythm", "music",
                    CourseLevel.BEGINNER, 1200, 1, List.of("major and minor scales", "triads and seventh chords",
                    "time signatures"), "A major scale has seven different notes", true,
                    List.of("How many beats does a bar of 3/4 have?", "Three", "Four", "Two"),
                    "Write a four-bar melody in C major and name its chords."));

    private DemoCatalog() {
    }
}
