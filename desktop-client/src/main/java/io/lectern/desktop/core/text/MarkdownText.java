package io.lectern.desktop.core.text;

/**
 * Markdown shown as plain text where a full renderer is not worth it (course descriptions in lists and headers):
 * heading marks, emphasis, code ticks and link targets go; the words stay.
 */
public final class MarkdownText {

    private MarkdownText() {
    }

    public static String plain(String markdown) {
        if (markdown == null) {
            return "";
        }
        return markdown.replaceAll("(?m)^\\s{0,3}#{1,6}\\s*", "")
                .replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("(\\*\\*|__|\\*|_|`)(\\S(?:.*?\\S)?)\\1", "$2")
                .replaceAll("(?m)^\\s*[-*+]\\s+", "• ")
                .replaceAll("\\n{3,}", "\n\n").strip();
    }
}
