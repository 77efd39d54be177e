package io.lectern.desktop.learner;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.text.TextAlignment;

/** What an empty list says instead: wrapped and centred, so a long sentence (or a long language) is read whole. */
final class EmptyState {

    private EmptyState() {
    }

    static Label of(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setTextAlignment(TextAlignment.CENTER);
        label.setMaxWidth(560);
        label.setPadding(new Insets(16));
        return label;
    }
}
