package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import io.lectern.desktop.core.pdf.PdfPages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** A PDF lesson: the page, previous / next, "page n of N" (type a number to jump), zoom; PgUp/PgDn and ←/→ too. */
public final class PdfPane {

    private final PdfViewModel model;

    public PdfPane(PdfViewModel model) {
        this.model = model;
    }

    public Parent createView() {
        Button previous = new Button(tr("pdf.previous"));
        previous.setId("pdf-previous");
        previous.setOnAction(e -> model.previous());
        Button next = new Button(tr("pdf.next"));
        next.setId("pdf-next");
        next.setOnAction(e -> model.next());
        TextField number = new TextField();
        number.setId("pdf-page");
        number.setPrefColumnCount(3);
        model.page().addListener((obs, old, p) -> number.setText(Integer.toString(p.intValue())));
        number.setOnAction(e -> {
            try {
                model.go(Integer.parseInt(number.getText().strip()));
            } catch (NumberFormatException ignored) {
                number.setText(Integer.toString(model.page().get()));
            }
        });
        Label of = new Label();
        of.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> tr("pdf.of", model.pageCount().get()), model.pageCount()));
        Button out = new Button("\u2212");
        out.setId("pdf-zoom-out");
        out.setOnAction(e -> model.zoomBy(1 / 1.25));
        Button in = new Button("+");
        in.setId("pdf-zoom-in");
        in.setOnAction(e -> model.zoomBy(1.25));
        Label zoom = new Label();
        zoom.setId("pdf-zoom");
        zoom.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> tr("pdf.zoomPercent", Math.round(model.zoom().get() * 100)), model.zoom()));
        HBox bar = new HBox(8, previous, new Label(tr("pdf.page")), number, of, next,
                new Label("   " + tr("pdf.zoom")), out, zoom, in);
        bar.setAlignment(Pos.CENTER_LEFT);
        ImageView view = new ImageView();
        view.setId("pdf-image");
        model.image().addListener((obs, old, page) -> view.setImage(image(page)));
        StackPane centred = new StackPane(view);
        centred.setPadding(new Insets(12));
        centred.setStyle("-fx-background-color: -color-bg-subtle;");
        ScrollPane scroll = new ScrollPane(centred);
        scroll.setFitToWidth(true);
        scroll.setId("pdf-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label message = new Label();
        message.setId("pdf-message");
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(model.message());
        VBox root = new VBox(8, bar, scroll, message);
        keyboard(root);
        return root;
    }

    /** PgDn/→ next page, PgUp/← previous, Ctrl/⌘ +/− zoom. */
    private void keyboard(VBox root) {
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.RIGHT) {
                model.next();
            } else if (e.getCode() == KeyCode.PAGE_UP || e.getCode() == KeyCode.LEFT) {
                model.previous();
            } else if (e.isShortcutDown() && (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS)) {
                model.zoomBy(1.25);
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.MINUS) {
                model.zoomBy(1 / 1.25);
            }
        });
    }

    static WritableImage image(PdfPages.Page page) {
        if (page == null) {
            return null;
        }
        WritableImage image = new WritableImage(page.width(), page.height());
        image.getPixelWriter().setPixels(0, 0, page.width(), page.height(), PixelFormat.getIntArgbInstance(),
                page.argb(), 0, page.width());
        return image;
    }
}
