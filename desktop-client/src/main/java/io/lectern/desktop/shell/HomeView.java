package io.lectern.desktop.shell;

import atlantafx.base.theme.Styles;
import io.lectern.model.identity.AuthTokens;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What a signed-in user sees until the learner app, studio and admin console land. */
public final class HomeView {

    private final AuthTokens session;

    public HomeView(AuthTokens session) {
        this.session = session;
    }

    public Parent createView() {
        Label hello = new Label("Welcome, " + session.user().displayName());
        hello.getStyleClass().add(Styles.TITLE_2);
        Label role = new Label("Signed in as " + session.user().role().name().toLowerCase());
        VBox root = new VBox(12, hello, role);
        root.setAlignment(Pos.CENTER);
        return root;
    }
}
