package io.lectern.desktop.signin;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The sign-in screen: binds to {@link SignInViewModel} and forwards clicks, nothing more. */
public final class SignInView {

    private final SignInViewModel model;

    public SignInView(SignInViewModel model) {
        this.model = model;
    }

    public Parent createView() {
        Label title = new Label("Sign in to Lectern");
        title.getStyleClass().add(Styles.TITLE_2);

        ToggleGroup modes = new ToggleGroup();
        ToggleButton withPassword = toggle("Password", SignInViewModel.Mode.PASSWORD, modes);
        ToggleButton withCode = toggle("Email code", SignInViewModel.Mode.EMAIL_CODE, modes);
        withPassword.setSelected(true);
        HBox modeBar = new HBox(withPassword, withCode);
        modeBar.getStyleClass().add(Styles.BUTTON_OUTLINED);

        TextField email = new TextField();
        email.setId("email");
        email.setPromptText("Email");
        email.textProperty().bindBidirectional(model.email());

        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("Password");
        password.textProperty().bindBidirectional(model.password());
        showWhen(password, model.mode().isEqualTo(SignInViewModel.Mode.PASSWORD));

        TextField code = new TextField();
        code.setId("code");
        code.setPromptText("6-digit code");
        code.textProperty().bindBidirectional(model.code());
        showWhen(code, model.mode().isEqualTo(SignInViewModel.Mode.EMAIL_CODE).and(model.codeSent()));

        Button submit = submitButton();

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busy());
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(model.status());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox statusRow = new HBox(8, progress, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("error");
        error.setWrapText(true);
        error.textProperty().bind(model.error());
        error.getStyleClass().add(Styles.DANGER);
        showWhen(error, model.error().isNotEmpty());

        VBox card = new VBox(12, title, modeBar, email, password, code, submit, error, statusRow);
        card.setMaxWidth(360);
        card.setPadding(new Insets(32));
        VBox root = new VBox(card);
        root.setAlignment(Pos.CENTER);
        return root;
    }

    private Button submitButton() {
        Button submit = new Button();
        submit.setId("submit");
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.getStyleClass().add(Styles.ACCENT);
        submit.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.mode().get() == SignInViewModel.Mode.PASSWORD ? "Sign in"
                        : model.codeSent().get() ? "Sign in with code" : "Email me a code", model.mode(), model.codeSent()));
        submit.disableProperty().bind(model.canSubmit().not());
        submit.setOnAction(e -> model.submit());
        return submit;
    }

    private ToggleButton toggle(String text, SignInViewModel.Mode mode, ToggleGroup group) {
        ToggleButton button = new ToggleButton(text);
        button.setToggleGroup(group);
        button.setOnAction(e -> {
            model.mode().set(mode);
            button.setSelected(true);
        });
        return button;
    }

    private static void showWhen(javafx.scene.Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
