package io.lectern.desktop.signin;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import io.lectern.desktop.core.auth.BrowserOpener;
import io.lectern.model.identity.OidcProvider;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The sign-in screen: binds to {@link SignInViewModel} and forwards clicks, nothing more. */
public final class SignInView {

    private final SignInViewModel model;
    private java.util.function.Consumer<AccountViewModel.Purpose> account = p -> { };

    public SignInView(SignInViewModel model) {
        this.model = model;
    }

    /** Where "Create an account" and "Forgot your password?" lead. */
    public SignInView onAccount(java.util.function.Consumer<AccountViewModel.Purpose> open) {
        this.account = open;
        return this;
    }

    /** Opens addresses in the user's default browser through JavaFX's host services. */
    public static BrowserOpener browserOpener(HostServices hostServices) {
        return address -> Platform.runLater(() -> hostServices.showDocument(address.toString()));
    }

    public Parent createView() {
        Label title = new Label(tr("signin.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        title.setWrapText(true);
        BooleanBinding firstStep = model.twoStep().not();

        ToggleGroup modes = new ToggleGroup();
        ToggleButton withPassword = toggle(tr("signin.mode.password"), SignInViewModel.Mode.PASSWORD, modes);
        ToggleButton withCode = toggle(tr("signin.mode.emailCode"), SignInViewModel.Mode.EMAIL_CODE, modes);
        withPassword.setSelected(true);
        HBox modeBar = new HBox(withPassword, withCode);
        modeBar.getStyleClass().add(Styles.BUTTON_OUTLINED);
        showWhen(modeBar, firstStep);

        TextField email = new TextField();
        email.setId("email");
        email.setPromptText(tr("signin.email.prompt"));
        email.textProperty().bindBidirectional(model.email());
        showWhen(email, firstStep);

        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText(tr("signin.password.prompt"));
        password.textProperty().bindBidirectional(model.password());
        showWhen(password, model.mode().isEqualTo(SignInViewModel.Mode.PASSWORD).and(firstStep));

        TextField code = new TextField();
        code.setId("code");
        code.setPromptText(tr("signin.code.prompt"));
        code.textProperty().bindBidirectional(model.code());
        showWhen(code, model.mode().isEqualTo(SignInViewModel.Mode.EMAIL_CODE).and(model.codeSent()).and(firstStep));

        Label error = new Label();
        error.setId("error");
        error.setWrapText(true);
        error.textProperty().bind(model.error());
        error.getStyleClass().add(Styles.DANGER);
        showWhen(error, model.error().isNotEmpty());

        javafx.scene.control.Hyperlink register = new javafx.scene.control.Hyperlink(tr("signin.link.register"));
        register.setId("register");
        register.setOnAction(e -> account.accept(AccountViewModel.Purpose.REGISTER));
        javafx.scene.control.Hyperlink forgot = new javafx.scene.control.Hyperlink(tr("signin.link.forgot"));
        register.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        forgot.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        forgot.setId("forgot");
        forgot.setOnAction(e -> account.accept(AccountViewModel.Purpose.RESET));
        HBox links = new HBox(8, register, forgot);
        showWhen(links, firstStep);
        VBox card = new VBox(12, title, modeBar, email, password, code, secondStep(), submitButton(), backButton(),
                providerButtons(), cancelButton(), copyLinkButton(), error, links, statusRow());
        card.setMaxWidth(400);
        card.setPrefWidth(400); // room for the title in every language (it wraps beyond that)
        card.setPadding(new Insets(32));
        VBox root = new VBox(card);
        root.setAlignment(Pos.CENTER);
        return root;
    }

    private Node secondStep() {
        Label label = new Label(tr("signin.totp.label"));
        label.getStyleClass().add(Styles.TEXT_BOLD);
        Label hint = new Label(tr("signin.totp.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        TextField totp = new TextField();
        totp.setId("totp");
        totp.setPromptText(tr("signin.totp.prompt"));
        totp.textProperty().bindBidirectional(model.totp());
        VBox box = new VBox(6, label, hint, totp);
        showWhen(box, model.twoStep());
        model.twoStep().addListener((obs, was, now) -> {
            if (now) {
                Platform.runLater(totp::requestFocus);
            }
        });
        return box;
    }

    private Node statusRow() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.busy());
        Label status = new Label();
        status.setId("status");
        status.setWrapText(true);
        status.textProperty().bind(model.status());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox statusRow = new HBox(8, progress, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        return statusRow;
    }

    private Button submitButton() {
        Button submit = new Button();
        submit.setId("submit");
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.getStyleClass().add(Styles.ACCENT);
        submit.textProperty().bind(Bindings.createStringBinding(() -> model.twoStep().get() ? tr("signin.submit.verify")
                        : model.mode().get() == SignInViewModel.Mode.PASSWORD ? tr("signin.submit.password")
                        : model.codeSent().get() ? tr("signin.submit.code") : tr("signin.submit.requestCode"),
                model.mode(), model.codeSent(), model.twoStep()));
        submit.disableProperty().bind(model.canSubmit().not());
        submit.setOnAction(e -> model.submit());
        return submit;
    }

    private Button backButton() {
        Button back = new Button(tr("signin.back"));
        back.setId("back");
        back.getStyleClass().add(Styles.FLAT);
        back.disableProperty().bind(model.busy());
        back.setOnAction(e -> model.back());
        showWhen(back, model.twoStep());
        return back;
    }

    /** One "Sign in with …" button per provider, shown only when the server offers any. */
    private Node providerButtons() {
        VBox buttons = new VBox(8);
        Runnable rebuild = () -> buttons.getChildren().setAll(model.providers().stream().map(this::providerButton).toList());
        model.providers().addListener((ListChangeListener<OidcProvider>) change -> rebuild.run());
        rebuild.run();
        Label or = new Label(tr("signin.providers.or"));
        or.getStyleClass().add(Styles.TEXT_MUTED);
        HBox divider = new HBox(8, grow(new Separator()), or, grow(new Separator()));
        divider.setAlignment(Pos.CENTER);
        VBox box = new VBox(12, divider, buttons);
        box.setId("providers");
        showWhen(box, Bindings.isNotEmpty(model.providers()).and(model.twoStep().not()));
        return box;
    }

    private Button providerButton(OidcProvider provider) {
        Button button = new Button(tr("signin.provider.button", provider.name()));
        button.setId("provider-" + provider.id());
        button.setMaxWidth(Double.MAX_VALUE);
        button.disableProperty().bind(model.busy());
        button.setOnAction(e -> model.signInWith(provider));
        return button;
    }

    private Button cancelButton() {
        Button cancel = new Button(tr("signin.browser.cancel"));
        cancel.setId("cancel-browser");
        cancel.setMaxWidth(Double.MAX_VALUE);
        cancel.setOnAction(e -> model.cancelBrowserSignIn());
        showWhen(cancel, model.waitingForBrowser());
        return cancel;
    }

    /** For when no browser came up: copies the provider's sign-in page address to paste into a browser. */
    private Button copyLinkButton() {
        Button copy = new Button(tr("signin.browser.copyLink"));
        copy.setId("copy-link");
        copy.getStyleClass().add(Styles.FLAT);
        copy.setWrapText(true);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.browserAddress().get());
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText(tr("signin.browser.linkCopied"));
        });
        model.browserAddress().addListener((obs, old, now) -> copy.setText(tr("signin.browser.copyLink")));
        showWhen(copy, model.waitingForBrowser().and(model.browserAddress().isNotEmpty()));
        return copy;
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

    private static Node grow(Separator separator) {
        HBox.setHgrow(separator, Priority.ALWAYS);
        return separator;
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }
}
