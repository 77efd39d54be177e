package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import io.lectern.desktop.core.i18n.DateText;
import io.lectern.model.learning.Certificate;
import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Certificates: each with its date and code, "Save PDF" and "Copy verification link". */
public final class CertificatesView {

    private final CertificatesViewModel model;

    public CertificatesView(CertificatesViewModel model) {
        this.model = model;
    }

    public Parent createView() {
        Label title = new Label(tr("certificates.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label message = new Label();
        message.setId("certificates-message");
        message.textProperty().bind(model.message());
        ListView<Certificate> list = new ListView<>(model.items());
        list.setId("certificates");
        list.setPlaceholder(EmptyState.of(tr("certificates.empty")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Certificate c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    return;
                }
                Label name = new Label(c.courseTitle());
                name.getStyleClass().add(Styles.TITLE_4);
                String issued = DateText.longDay(c.issuedAt());
                Label meta = new Label(tr(c.revokedAt() != null ? "certificates.meta.revoked" : "certificates.meta", issued,
                        c.code()));
                meta.getStyleClass().add(Styles.TEXT_SMALL);
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                Button save = new Button(tr("certificates.save"));
                save.setOnAction(e -> {
                    FileChooser chooser = new FileChooser();
                    chooser.setInitialFileName("certificate-" + c.code() + ".pdf");
                    File file = chooser.showSaveDialog(getScene().getWindow());
                    if (file != null) {
                        model.save(c, file.toPath());
                    }
                });
                Button link = new Button(tr("certificates.copyLink"));
                link.getStyleClass().add(Styles.FLAT);
                link.setOnAction(e -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(model.verificationLink(c));
                    Clipboard.getSystemClipboard().setContent(content);
                });
                HBox row = new HBox(10, new VBox(4, name, meta), gap, save, link);
                row.setAlignment(Pos.CENTER_LEFT);
                row.setPadding(new Insets(8, 4, 8, 4));
                setGraphic(row);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox root = new VBox(12, title, message, list);
        root.setPadding(new Insets(24));
        model.load();
        return root;
    }
}
