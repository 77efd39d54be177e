package io.lectern.server.catalog.internal.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MarkdownHtmlTest {

    @Test
    void rendersFormattingTablesCodeAndSafeLinks() {
        String html = MarkdownHtml.render("""
                # Title
                Some **bold** and *em* with [a link](https://example.com).

                | a | b |
                |---|---|
                | 1 | 2 |

                ```java
                int x = 1;
                ```
                """);
        assertTrue(html.contains("<h1>Title</h1>"), html);
        assertTrue(html.contains("<strong>bold</strong>"), html);
        assertTrue(html.matches("(?s).*<a href=\"https://example.com\" rel=\"(nofollow noopener|noopener nofollow)\">"
                + "a link</a>.*"), html);
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<code class=\"language-java\">"), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>", "![x](javascript:alert(1))", "<iframe src=https://evil.example>",
        "<style>body{display:none}</style>", "[x](JaVaScRiPt:alert(1))"})
    void nothingExecutableSurvives(String markdown) {
        String html = MarkdownHtml.render(markdown).toLowerCase(java.util.Locale.ROOT);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.matches("(?s).*<[^>]*javascript:.*"), html);
        assertFalse(html.matches("(?s).*<[^>]*onerror.*"), html);
        assertFalse(html.contains("<iframe"), html);
        assertFalse(html.contains("<style"), html);
    }

    @Test
    void emptyTextRendersEmpty() {
        assertEquals("", MarkdownHtml.render(null));
        assertEquals("", MarkdownHtml.render("   "));
    }
}
