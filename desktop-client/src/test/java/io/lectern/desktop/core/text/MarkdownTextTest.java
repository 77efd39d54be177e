package io.lectern.desktop.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void marksGoWordsStay() {
        assertEquals("About this course\n\nLearn **bold** ideas".replace("**", ""), MarkdownText.plain(
                "## About this course\n\nLearn **bold** ideas"));
        assertEquals("See the docs and use x_y", MarkdownText.plain("See [the docs](https://x.y) and use `x_y`"));
        assertEquals("• one\n• two", MarkdownText.plain("- one\n* two"));
    }
}
