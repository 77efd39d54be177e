package io.lectern.bench;

import io.lectern.model.catalog.CourseLevel;
import io.lectern.server.catalog.CourseDraft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic, repeatable catalog data: courses on about a hundred topics in twelve categories, titles and subtitles
 * from the phrasing course marketplaces use, descriptions of several sentences naming related topics and skills,
 * tags, five languages, free, paid and subscription prices, two thousand instructors and outlines of 4 to 30
 * lessons. The same seed always gives the same catalog.
 */
final class CourseGenerator {

    static final Map<String, List<String>> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put("programming", List.of("Python", "Java", "JavaScript", "TypeScript", "Go", "Rust", "Kotlin", "Swift",
                "C++", "React", "Docker", "Kubernetes", "Git", "Linux", "Django", "Spring Boot", "Node.js", "GraphQL"));
        TOPICS.put("data", List.of("Machine Learning", "Deep Learning", "Statistics", "Data Visualization", "Pandas",
                "Excel", "Power BI", "Tableau", "Natural Language Processing", "Computer Vision", "SQL", "PostgreSQL"));
        TOPICS.put("design", List.of("Figma", "UX Research", "Typography", "Illustration", "Photoshop", "Branding",
                "Color Theory", "UI Design", "Motion Design"));
        TOPICS.put("business", List.of("Marketing", "Negotiation", "Leadership", "Accounting", "Startup Finance",
                "Project Management", "Sales", "SEO", "Copywriting", "Product Management"));
        TOPICS.put("languages", List.of("Spanish", "French", "German", "Japanese", "Mandarin", "Italian",
                "English Grammar", "Portuguese", "Korean", "Arabic"));
        TOPICS.put("music", List.of("Guitar", "Piano", "Music Theory", "Songwriting", "Music Production", "Singing",
                "Drums", "Ableton Live"));
        TOPICS.put("photography", List.of("Portrait Photography", "Lightroom", "Film Photography", "Drone Photography",
                "Street Photography", "Video Editing"));
        TOPICS.put("health", List.of("Yoga", "Nutrition", "Meditation", "Strength Training", "Running", "Sleep Science"));
        TOPICS.put("personal", List.of("Productivity", "Public Speaking", "Creative Writing", "Time Management",
                "Memory Techniques", "Critical Thinking"));
        TOPICS.put("science", List.of("Astronomy", "Chemistry", "Physics", "Biology", "Climate Science", "Neuroscience"));
        TOPICS.put("math", List.of("Calculus", "Linear Algebra", "Probability", "Discrete Mathematics", "Geometry",
                "Number Theory"));
        TOPICS.put("cooking", List.of("Baking", "Italian Cooking", "Knife Skills", "Fermentation", "Vegan Cooking",
                "Bread Making"));
    }

    private static final String[] TITLES = {"%s for Beginners", "The Complete %s Course", "Mastering %s",
        "%s: From Zero to Hero", "Practical %s with %s", "%s in 30 Days", "Advanced %s Techniques", "%s Essentials",
        "Hands-on %s Projects", "%s Masterclass", "Learn %s the Right Way", "%s and %s for Everyone",
        "Modern %s", "%s Fundamentals", "%s Bootcamp", "A Gentle Introduction to %s"};
    private static final String[] SUBTITLES = {"Learn %s step by step with real projects",
        "Build %d projects and become confident with %s", "Everything you need to start with %s and %s",
        "The %s skills employers ask for", "From your first steps to professional %s",
        "Short lessons, practical exercises and a final %s project", "Understand %s deeply, not just the recipes"};
    private static final String[] SENTENCES = {"In this course you will learn %s from the ground up.",
        "We start with the basics of %s and move on to %s.", "Every section ends with an exercise on %s.",
        "You will build a complete project that combines %s and %s.",
        "No prior experience with %s is required, but curiosity helps.",
        "The course covers common mistakes in %s and how to avoid them.",
        "You will practise %s with real examples from industry.",
        "By the end you will be able to explain %s to others and apply it at work.",
        "Along the way we look at how %s relates to %s.", "Quizzes after each module check your understanding of %s.",
        "Downloadable notes summarise the key ideas of %s.", "Students say the %s exercises were the most useful part."};
    private static final String[] SKILLS = {"problem solving", "best practices", "testing", "automation", "planning",
        "communication", "analysis", "debugging", "performance", "workflows", "design patterns", "fundamentals",
        "career skills", "interview preparation", "portfolio projects", "theory", "technique"};
    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Linus", "Margaret", "Edsger", "Barbara", "Ken",
        "Dennis", "Hedy", "Katherine", "Tim", "Radia", "Guido", "James", "Frances", "Donald", "Sophie", "Mateo", "Aisha",
        "Yuki", "Priya", "Lars", "Ines", "Omar", "Chen", "Fatima", "Jonas", "Elena", "Kofi", "Amara", "Nikolai",
        "Lucia", "Ravi", "Hana", "Diego", "Zara", "Felix", "Mina", "Tomas"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Torvalds", "Hamilton", "Dijkstra",
        "Liskov", "Thompson", "Ritchie", "Lamarr", "Johnson", "Berners-Lee", "Perlman", "Rossum", "Gosling", "Allen",
        "Knuth", "Wilson", "Garcia", "Khan", "Tanaka", "Sharma", "Nilsson", "Moreau", "Haddad", "Wei", "Okafor",
        "Schmidt", "Rossi", "Mensah", "Novak", "Ivanova", "Silva", "Patel", "Kim", "Fernandez", "Ali", "Becker",
        "Park", "Costa", "Dubois", "Larsen", "Yilmaz", "Cohen", "Nakamura", "Ortiz", "Weber", "Singh", "Murphy", "Lund"};
    private static final String[] LANGUAGES = {"en", "en", "en", "en", "en", "en", "en", "en", "en", "en", "en", "en",
        "en", "en", "en", "en", "de", "es", "fr", "pt"};

    /**
     * An instructor of the generated catalog.
     *
     * @param id   user id
     * @param name display name
     */
    record Instructor(UUID id, String name) {
    }

    private final Random random;
    private final List<Instructor> instructors = new ArrayList<>();
    private final List<String> allTopics = new ArrayList<>();

    CourseGenerator(long seed, int instructorCount) {
        this.random = new Random(seed);
        for (int i = 0; i < instructorCount; i++) {
            instructors.add(new Instructor(new UUID(0x0190_0000_0000_7000L | i, 0x8000_0000_0000_0000L | i),
                    pick(FIRST) + " " + pick(LAST)));
        }
        TOPICS.values().forEach(allTopics::addAll);
    }

    List<String> topics() {
        return allTopics;
    }

    /** The {@code n}-th course (its slug is unique by number). */
    CourseDraft course(int n) {
        String category = List.copyOf(TOPICS.keySet()).get(random.nextInt(TOPICS.size()));
        List<String> topics = TOPICS.get(category);
        String topic = topics.get(random.nextInt(topics.size()));
        String related = topics.get(random.nextInt(topics.size()));
        String title = String.format(Locale.ROOT, pick(TITLES), topic, related).replace("%d", "");
        String subtitle = String.format(Locale.ROOT, pick(SUBTITLES).replace("%d", Integer.toString(3 + random.nextInt(8))),
                topic, related.toLowerCase(Locale.ROOT));
        int roll = random.nextInt(100);
        long price = roll < 35 ? 0 : 999 + 500L * random.nextInt(40);
        Instructor owner = instructors.get((int) Math.abs(random.nextGaussian() * instructors.size() / 3)
                % instructors.size());
        List<CourseDraft.Instructor> teachers = new ArrayList<>(List.of(new CourseDraft.Instructor(owner.id(),
                owner.name())));
        if (random.nextInt(10) == 0) {
            Instructor co = instructors.get(random.nextInt(instructors.size()));
            if (!co.equals(owner)) {
                teachers.add(new CourseDraft.Instructor(co.id(), co.name()));
            }
        }
        return new CourseDraft("bench-" + n + "-" + slugOf(topic), title, subtitle, description(topic, related),
                category, tags(topic, related), CourseLevel.values()[random.nextInt(3)], pick(LANGUAGES), price, "USD",
                teachers, outline(topic));
    }

    private String description(String topic, String related) {
        StringBuilder text = new StringBuilder("## About this course\n\n");
        int sentences = 4 + random.nextInt(6);
        for (int i = 0; i < sentences; i++) {
            String other = random.nextBoolean() ? related : pick(SKILLS);
            text.append(String.format(Locale.ROOT, pick(SENTENCES), random.nextBoolean() ? topic : other, other))
                    .append(' ');
        }
        text.append("\n\n### What you will learn\n\n");
        for (int i = 0; i < 3; i++) {
            text.append("- ").append(pick(SKILLS)).append(" in ").append(topic).append('\n');
        }
        return text.toString();
    }

    private List<String> tags(String topic, String related) {
        List<String> tags = new ArrayList<>(List.of(topic.toLowerCase(Locale.ROOT)));
        if (!related.equals(topic)) {
            tags.add(related.toLowerCase(Locale.ROOT));
        }
        tags.add(pick(SKILLS));
        return tags;
    }

    private List<CourseDraft.Section> outline(String topic) {
        List<CourseDraft.Section> sections = new ArrayList<>();
        int count = 2 + random.nextInt(4);
        for (int s = 0; s < count; s++) {
            List<CourseDraft.Lesson> lessons = new ArrayList<>();
            int lessonCount = 2 + random.nextInt(5);
            for (int l = 0; l < lessonCount; l++) {
                boolean video = random.nextInt(3) > 0;
                lessons.add(new CourseDraft.Lesson(topic + ": " + pick(SKILLS) + " " + (l + 1), video ? "VIDEO" : "ARTICLE",
                        120 + random.nextInt(1200), s == 0 && l == 0,
                        video ? "" : "# " + topic + "\n\nNotes on " + pick(SKILLS) + "."));
            }
            sections.add(new CourseDraft.Section("Part " + (s + 1) + ": " + pick(SKILLS), lessons));
        }
        return sections;
    }

    List<Instructor> instructors() {
        return instructors;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    static String slugOf(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
