package io.lectern.desktop.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Articles: Markdown as styled blocks, raw HTML dropped. */
class MarkdownBlocksTest {

    @Test
    void headingsParagraphsListsCodeAndInlineStyles() {
        List<MarkdownBlocks.Block> blocks = MarkdownBlocks.of("""
                # Light

                Leaves use **light** and *water*; see [the notes](https://example.com/notes).

                1. Absorb
                2. Split `H2O`

                - chlorophyll

                > Plants are patient.

                ```
                6 CO2 + 6 H2O
                ```

                <script>alert('x')</script>
                """);
        assertEquals(List.of(MarkdownBlocks.Kind.HEADING_1, MarkdownBlocks.Kind.PARAGRAPH, MarkdownBlocks.Kind.NUMBERED,
                MarkdownBlocks.Kind.NUMBERED, MarkdownBlocks.Kind.BULLET, MarkdownBlocks.Kind.QUOTE,
                MarkdownBlocks.Kind.CODE), blocks.stream().map(MarkdownBlocks.Block::kind).toList());
        List<MarkdownBlocks.Span> p = blocks.get(1).spans();
        assertTrue(p.stream().anyMatch(s -> s.text().equals("light") && s.bold()));
        assertTrue(p.stream().anyMatch(s -> s.text().equals("water") && s.italic()));
        assertTrue(p.stream().anyMatch(s -> "https://example.com/notes".equals(s.link())));
        assertEquals(2, blocks.get(3).number());
        assertTrue(blocks.get(3).spans().stream().anyMatch(s -> s.code() && s.text().equals("H2O")));
        assertTrue(blocks.stream().noneMatch(b -> b.spans().stream().anyMatch(s -> s.text().contains("alert"))),
                "raw HTML is not shown");
    }
}
