package io.lectern.desktop.signin;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** Create an account, or reset a forgotten password: the details, then the mailed code. */
public final class AccountView {

    private final AccountViewModel model;
    private final Runnable back;

    public AccountView(AccountViewModel model, Runnable back) {
        this.model = model;
        this.back = back;
    }

    public Parent createView() {
        boolean register = model.purpose() == AccountViewModel.Purpose.REGISTER;
        Label title = new Label(register ? tr("account.register.title") : tr("account.reset.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        title.setWrapText(true);
        TextField name = field("account-name", tr("account.name.prompt"), model.name());
        name.setVisible(register);
        name.setManaged(register);
        TextField email = field("account-email", tr("account.email.prompt"), model.email());
        PasswordField password = new PasswordField();
        password.setId("account-password");
        password.setPromptText(register ? tr("account.register.password.prompt") : tr("account.reset.password.prompt"));
        password.textProperty().bindBidirectional(model.password());
        if (!register) {
            password.visibleProperty().bind(model.codeSent());
            password.managedProperty().bind(model.codeSent());
        }
        TextField code = field("account-code", tr("account.code.prompt"), model.code());
        code.visibleProperty().bind(model.codeSent());
        code.managedProperty().bind(model.codeSent());
        Button send = new Button(register ? tr("account.register.send") : tr("account.reset.send"));
        send.setId("account-send");
        send.getStyleClass().add(Styles.ACCENT);
        send.setMaxWidth(Double.MAX_VALUE);
        send.visibleProperty().bind(model.codeSent().not());
        send.managedProperty().bind(model.codeSent().not());
        send.disableProperty().bind(model.busy());
        send.setOnAction(e -> model.sendCode());
        Button confirm = new Button(register ? tr("account.register.confirm") : tr("account.reset.confirm"));
        confirm.setId("account-confirm");
        confirm.getStyleClass().add(Styles.ACCENT);
        confirm.setMaxWidth(Double.MAX_VALUE);
        confirm.visibleProperty().bind(model.codeSent());
        confirm.managedProperty().bind(model.codeSent());
        confirm.disableProperty().bind(model.busy());
        confirm.setOnAction(e -> model.confirm());
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(model.status());
        Label error = new Label();
        error.setId("account-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.error());
        status.visibleProperty().bind(model.status().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        error.visibleProperty().bind(model.error().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Hyperlink toSignIn = new Hyperlink(tr("account.back"));
        toSignIn.setOnAction(e -> back.run());
        VBox card = new VBox(12, title, name, email, password, code, send, confirm, status, error, toSignIn);
        card.setMaxWidth(380);
        card.setPadding(new Insets(32));
        VBox root = new VBox(card);
        root.setAlignment(Pos.CENTER);
        return root;
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(value);
        return f;
    }
}
