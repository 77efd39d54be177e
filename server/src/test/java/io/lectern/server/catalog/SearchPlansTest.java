package io.lectern.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lectern.model.identity.Role;
import io.lectern.server.LecternServer;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Sql;
import io.lectern.server.testing.Http;
import io.lectern.server.testing.Studio;
import io.lectern.server.testing.TestServer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver prepares statements it runs often and PostgreSQL then plans them generically, without the values of
 * their parameters. A search's full-text query must still be computed once per statement in such a plan, not once
 * per matching row (which made searches 2.6 times slower at 6,000 matches).
 */
class SearchPlansTest {

    private static LecternServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.relaxedConfig(), routes -> { });
        Studio studio = new Studio(server, new Http(server.baseUri()));
        studio.categories("programming");
        String ada = studio.user("ada.plans@example.com", "Ada Plans", Role.INSTRUCTOR);
        studio.publishedCourse(ada, "Python from Scratch", "programming", 1);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"q=python", "q=python&level=beginner&minRating=4.25", "q=python&instructor="
            + "00000000-0000-0000-0000-000000000001&sort=newest", "price=paid&minPrice=100&q=python"})
    void theFullTextQueryIsComputedOncePerStatementInAGenericPlan(String query) {
        List<Sql> statements = server.modules().catalog().searchStatements(query);
        assertFalse(statements.stream().noneMatch(s -> s.text().contains("websearch_to_tsquery")));
        for (Sql sql : statements.stream().filter(s -> s.text().contains("websearch_to_tsquery")).toList()) {
            String plan = server.platform().db().inTransaction(tx -> {
                tx.dml("SET LOCAL plan_cache_mode = force_generic_plan");
                tx.dml("PREPARE planned AS " + numbered(sql.text()));
                try (var rows = tx.query("EXPLAIN (VERBOSE) EXECUTE planned(" + literals(sql.params()) + ")")) {
                    return String.join("\n", rows.map(r -> Rows.text(r, "QUERY PLAN")).toList());
                } finally {
                    tx.dml("DEALLOCATE planned");
                }
            });
            assertTrue(plan.contains("$1"), "a generic plan:\n" + plan);
            assertEquals(1, occurrences(plan, "websearch_to_tsquery('simple'"),
                    "the query is computed once in:\n" + plan);
        }
    }

    /** JDBC's {@code ?} placeholders as PREPARE's {@code $n}. */
    private static String numbered(String text) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : text.toCharArray()) {
            out.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        return out.toString();
    }

    private static String literals(Object[] params) {
        return Arrays.stream(params).map(p -> switch (p) {
            case Number number -> number.toString();
            case String[] array -> "ARRAY[" + String.join(", ", Arrays.stream(array).map(SearchPlansTest::quoted).toList())
                    + "]::text[]";
            default -> quoted(p.toString());
        }).collect(Collectors.joining(", "));
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
