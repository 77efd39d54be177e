package io.lectern.server.learning.internal.assignment;

import io.lectern.model.learning.AssignmentInput;
import io.lectern.server.platform.http.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A rubric: criteria × levels with points; criteria get ids {@code c1, c2 …} and levels {@code c1l1 …}.
 *
 * @param criteria the criteria
 */
record Rubric(List<Criterion> criteria) {

    /** A criterion with its levels. */
    record Criterion(String id, String title, List<Level> levels) {
        int maxPoints() {
            return levels.stream().mapToInt(Level::points).max().orElse(0);
        }
    }

    /** A level. */
    record Level(String id, String title, int points) {
    }

    static Rubric of(List<AssignmentInput.Criterion> in, Validation v) {
        List<Criterion> criteria = new ArrayList<>();
        List<AssignmentInput.Criterion> list = in == null ? List.of() : in;
        v.check(!list.isEmpty() && list.size() <= 20, "rubric", "size", "A rubric has 1 to 20 criteria.");
        for (int i = 0; i < list.size(); i++) {
            AssignmentInput.Criterion c = list.get(i);
            String f = "rubric[" + i + "]";
            List<AssignmentInput.Level> levels = c == null || c.levels() == null ? List.of() : c.levels();
            v.check(c != null && c.title() != null && !c.title().isBlank(), f + ".title", "required",
                    "Each criterion needs a title.")
                    .check(levels.size() >= 2 && levels.size() <= 10, f + ".levels", "size",
                            "Each criterion has 2 to 10 levels.");
            List<Level> out = new ArrayList<>();
            for (int j = 0; j < levels.size(); j++) {
                AssignmentInput.Level l = levels.get(j);
                v.check(l != null && l.title() != null && l.points() != null && l.points() >= 0 && l.points() <= 1000,
                        f + ".levels[" + j + "]", "format", "Each level has a title and 0 to 1000 points.");
                out.add(new Level("c" + (i + 1) + "l" + (j + 1), l == null ? "" : l.title(),
                        l == null || l.points() == null ? 0 : l.points()));
            }
            criteria.add(new Criterion("c" + (i + 1), c == null ? "" : c.title(), out));
        }
        return new Rubric(criteria);
    }

    int maxPoints() {
        return criteria.stream().mapToInt(Criterion::maxPoints).sum();
    }

    /** Points of a choice of levels; every criterion needs a level of its own. */
    int points(Map<String, String> chosen, Validation v) {
        int total = 0;
        for (Criterion c : criteria) {
            String level = chosen == null ? null : chosen.get(c.id());
            var match = c.levels().stream().filter(l -> l.id().equals(level)).findFirst();
            v.check(match.isPresent(), "rubric." + c.id(), "level", "Choose a level of '" + c.title() + "'.");
            total += match.map(Level::points).orElse(0);
        }
        return total;
    }
}
