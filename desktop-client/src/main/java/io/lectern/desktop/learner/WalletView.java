package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The wallet: balance, redeem a voucher (checked as it is typed), history. */
public final class WalletView {

    private final WalletViewModel model;

    public WalletView(WalletViewModel model) {
        this.model = model;
    }

    public Parent createView() {
        Label title = new Label(tr("wallet.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label balance = new Label();
        balance.setId("wallet-balance");
        balance.getStyleClass().add(Styles.TITLE_1);
        balance.textProperty().bind(model.balance());
        TextField code = new TextField();
        code.setId("wallet-code");
        code.setPromptText(tr("wallet.code.prompt", "7KQ3-M9XD-2TPR-WB4H-K"));
        code.setPrefColumnCount(26);
        code.textProperty().bindBidirectional(model.code());
        Button redeem = new Button(tr("wallet.redeem"));
        redeem.setId("wallet-redeem");
        redeem.getStyleClass().add(Styles.ACCENT);
        redeem.setDefaultButton(true);
        redeem.disableProperty().bind(model.canRedeem().not());
        redeem.setOnAction(e -> model.redeem());
        Label problem = new Label();
        problem.setId("wallet-code-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.codeProblem());
        model.codeProblem().addListener((obs, old, p) -> {
            code.pseudoClassStateChanged(Styles.STATE_DANGER, !p.isEmpty());
        });
        Label message = new Label();
        message.setId("wallet-message");
        message.textProperty().bind(model.message());
        HBox redeemRow = new HBox(10, code, redeem);
        redeemRow.setAlignment(Pos.CENTER_LEFT);
        Label historyTitle = new Label(tr("wallet.history"));
        historyTitle.getStyleClass().add(Styles.TITLE_4);
        ListView<String> history = new ListView<>(model.history());
        history.setPlaceholder(EmptyState.of(tr("wallet.history.empty")));
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox root = new VBox(10, title, balance, new Label(tr("wallet.redeem.title")), redeemRow, problem, message,
                historyTitle, history);
        root.setPadding(new Insets(24));
        model.refresh();
        return root;
    }
}
