package io.lectern.desktop.core.text;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * An article's Markdown (CommonMark, parsed by commonmark-java) as blocks of styled spans for the view to draw:
 * headings, paragraphs, bullet and numbered items, quotes and code, with bold, italic, code and links inside. Raw
 * HTML in the Markdown is dropped, never shown or run.
 */
public final class MarkdownBlocks {

    /** What a block is. */
    public enum Kind { HEADING_1, HEADING_2, HEADING_3, PARAGRAPH, BULLET, NUMBERED, QUOTE, CODE }

    /**
     * A run of text with one style.
     *
     * @param text   the words
     * @param bold   strong
     * @param italic emphasis
     * @param code   inline code
     * @param link   the link target, or null
     */
    public record Span(String text, boolean bold, boolean italic, boolean code, String link) {
    }

    /**
     * A block: its kind, its spans, and for a numbered item its number.
     *
     * @param kind   kind
     * @param spans  spans
     * @param number the item's number (numbered lists), else 0
     * @param depth  list nesting, from 0
     */
    public record Block(Kind kind, List<Span> spans, int number, int depth) {
    }

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownBlocks() {
    }

    public static List<Block> of(String markdown) {
        Collector c = new Collector();
        PARSER.parse(markdown == null ? "" : markdown).accept(c);
        return c.blocks;
    }

    private static final class Collector extends AbstractVisitor {
        private final List<Block> blocks = new ArrayList<>();
        private List<Span> spans;
        private boolean bold;
        private boolean italic;
        private String link;
        private int depth = -1;
        private int quote;

        @Override
        public void visit(Heading h) {
            block(h.getLevel() == 1 ? Kind.HEADING_1 : h.getLevel() == 2 ? Kind.HEADING_2 : Kind.HEADING_3, 0, h);
        }

        @Override
        public void visit(Paragraph p) {
            Node parent = p.getParent();
            if (parent instanceof ListItem item && item.getFirstChild() == p) {
                boolean numbered = item.getParent() instanceof OrderedList;
                int number = numbered ? number(item) : 0;
                block(numbered ? Kind.NUMBERED : Kind.BULLET, number, p);
            } else {
                block(quote > 0 ? Kind.QUOTE : Kind.PARAGRAPH, 0, p);
            }
        }

        @Override
        public void visit(BulletList list) {
            nested(list);
        }

        @Override
        public void visit(OrderedList list) {
            nested(list);
        }

        private void nested(Node list) {
            depth++;
            visitChildren(list);
            depth--;
        }

        @Override
        public void visit(BlockQuote q) {
            quote++;
            visitChildren(q);
            quote--;
        }

        @Override
        public void visit(FencedCodeBlock code) {
            code(code.getLiteral());
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            code(code.getLiteral());
        }

        private void code(String literal) {
            blocks.add(new Block(Kind.CODE, List.of(new Span(literal.stripTrailing(), false, false, true, null)), 0, 0));
        }

        @Override
        public void visit(Text t) {
            span(t.getLiteral(), false);
        }

        @Override
        public void visit(Code c) {
            span(c.getLiteral(), true);
        }

        @Override
        public void visit(SoftLineBreak b) {
            span(" ", false);
        }

        @Override
        public void visit(HardLineBreak b) {
            span("\n", false);
        }

        @Override
        public void visit(StrongEmphasis s) {
            boolean was = bold;
            bold = true;
            visitChildren(s);
            bold = was;
        }

        @Override
        public void visit(Emphasis e) {
            boolean was = italic;
            italic = true;
            visitChildren(e);
            italic = was;
        }

        @Override
        public void visit(Link l) {
            String was = link;
            link = l.getDestination();
            visitChildren(l);
            link = was;
        }

        private void block(Kind kind, int number, Node node) {
            spans = new ArrayList<>();
            visitChildren(node);
            blocks.add(new Block(kind, List.copyOf(spans), number, Math.max(0, depth)));
            spans = null;
        }

        private void span(String text, boolean code) {
            if (spans != null && !text.isEmpty()) {
                spans.add(new Span(text, bold, italic, code, link));
            }
        }

        private static int number(ListItem item) {
            int n = item.getParent() instanceof OrderedList o && o.getMarkerStartNumber() != null
                    ? o.getMarkerStartNumber() : 1;
            for (Node prev = item.getPrevious(); prev != null; prev = prev.getPrevious()) {
                n++;
            }
            return n;
        }
    }
}
