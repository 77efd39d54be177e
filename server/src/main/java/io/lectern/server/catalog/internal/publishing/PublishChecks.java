package io.lectern.server.catalog.internal.publishing;

import io.lectern.model.catalog.Pricing;
import io.lectern.model.common.FieldViolation;
import io.lectern.server.catalog.internal.authoring.DraftCourse;
import io.lectern.server.catalog.internal.authoring.DraftSection;
import io.lectern.server.catalog.internal.authoring.LessonRules;
import java.util.ArrayList;
import java.util.List;

/**
 * What a course needs before learners may see it: a description, at least one lesson, no empty sections, every
 * lesson complete for its type, and a price that fits its pricing. Field paths point into the draft view
 * ({@code sections[1].lessons[0].content.mediaId}) so the studio can highlight them.
 */
public final class PublishChecks {

    static final int MIN_DESCRIPTION = 20;

    private PublishChecks() {
    }

    public static List<FieldViolation> problems(DraftCourse c, List<DraftSection> outline) {
        List<FieldViolation> problems = new ArrayList<>();
        if (c.description().strip().length() < MIN_DESCRIPTION) {
            problems.add(new FieldViolation("description", "incomplete",
                    "Describe the course in at least " + MIN_DESCRIPTION + " characters."));
        }
        if (c.pricing() == Pricing.ONE_TIME && c.priceMinor() <= 0) {
            problems.add(new FieldViolation("priceMinor", "required", "A one-time course needs a price above 0."));
        }
        if (c.pricing() != Pricing.ONE_TIME && c.priceMinor() != 0) {
            problems.add(new FieldViolation("priceMinor", "must_be_zero", c.pricing() + " courses cost 0."));
        }
        long lessons = outline.stream().mapToLong(s -> s.lessons().size()).sum();
        if (lessons == 0) {
            problems.add(new FieldViolation("sections", "min_items", "Add at least one lesson."));
        }
        for (int s = 0; s < outline.size(); s++) {
            DraftSection section = outline.get(s);
            if (section.lessons().isEmpty() && lessons > 0) {
                problems.add(new FieldViolation("sections[" + s + "].lessons", "min_items",
                        "Section '" + section.title() + "' has no lessons; add one or delete the section."));
            }
            for (int l = 0; l < section.lessons().size(); l++) {
                problems.addAll(LessonRules.incomplete(section.lessons().get(l), "sections[" + s + "].lessons[" + l + "]"));
            }
        }
        return problems;
    }
}
