package io.lectern.desktop.learner;

import io.lectern.desktop.core.text.MarkdownBlocks;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** An article drawn from its Markdown blocks: headings, paragraphs, lists, quotes and code, with inline styles. */
final class ArticleView {

    private static final double BASE = 15;

    private ArticleView() {
    }

    static Parent of(List<MarkdownBlocks.Block> blocks) {
        VBox page = new VBox(10);
        page.setId("lesson-article");
        page.setPadding(new Insets(4, 12, 12, 4));
        for (MarkdownBlocks.Block b : blocks) {
            TextFlow flow = new TextFlow();
            flow.setLineSpacing(3);
            switch (b.kind()) {
                case BULLET -> flow.getChildren().add(text("\u2022  ", false, false, false, size(b)));
                case NUMBERED -> flow.getChildren().add(text(b.number() + ".  ", false, false, false, size(b)));
                default -> { }
            }
            for (MarkdownBlocks.Span s : b.spans()) {
                Text t = text(s.text(), s.bold() || heading(b), s.italic() || b.kind() == MarkdownBlocks.Kind.QUOTE,
                        s.code() || b.kind() == MarkdownBlocks.Kind.CODE, size(b));
                if (s.link() != null) {
                    t.setUnderline(true);
                    t.setStyle("-fx-fill: -color-accent-fg;");
                }
                flow.getChildren().add(t);
            }
            flow.setPadding(new Insets(0, 0, 0, 18 * b.depth() + (b.kind() == MarkdownBlocks.Kind.BULLET
                    || b.kind() == MarkdownBlocks.Kind.NUMBERED ? 8 : 0)));
            if (b.kind() == MarkdownBlocks.Kind.QUOTE) {
                flow.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 0 0 0 3; "
                        + "-fx-padding: 2 0 2 12;");
            }
            if (b.kind() == MarkdownBlocks.Kind.CODE) {
                flow.setStyle("-fx-background-color: -color-bg-subtle; -fx-padding: 8; -fx-background-radius: 4;");
            }
            page.getChildren().add(flow);
        }
        return page;
    }

    private static boolean heading(MarkdownBlocks.Block b) {
        return b.kind() == MarkdownBlocks.Kind.HEADING_1 || b.kind() == MarkdownBlocks.Kind.HEADING_2
                || b.kind() == MarkdownBlocks.Kind.HEADING_3;
    }

    private static double size(MarkdownBlocks.Block b) {
        return switch (b.kind()) {
            case HEADING_1 -> BASE * 1.6;
            case HEADING_2 -> BASE * 1.35;
            case HEADING_3 -> BASE * 1.15;
            default -> BASE;
        };
    }

    private static Text text(String words, boolean bold, boolean italic, boolean code, double size) {
        Text t = new Text(words);
        t.setFont(code ? Font.font("Monospaced", size * 0.92) : Font.font(null, bold ? FontWeight.BOLD
                : FontWeight.NORMAL, italic ? FontPosture.ITALIC : FontPosture.REGULAR, size));
        t.setStyle("-fx-fill: -color-fg-default;");
        return t;
    }
}
