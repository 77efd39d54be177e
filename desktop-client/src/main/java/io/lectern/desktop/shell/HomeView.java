package io.lectern.desktop.shell;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** What a signed-in user sees until the learner app, studio and admin console land. */
public final class HomeView {

    private final HomeViewModel model;

    public HomeView(HomeViewModel model) {
        this.model = model;
    }

    public Parent createView() {
        Label hello = new Label("Welcome, " + model.user().displayName());
        hello.getStyleClass().add(Styles.TITLE_2);
        Label role = new Label("Signed in as " + model.user().role().name().toLowerCase(Locale.ROOT));
        Button signOut = new Button("Sign out");
        signOut.setId("sign-out");
        signOut.disableProperty().bind(model.busy());
        signOut.setOnAction(e -> model.signOut());
        VBox root = new VBox(12, hello, role, signOut);
        root.setAlignment(Pos.CENTER);
        return root;
    }
}
