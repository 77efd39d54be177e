package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A course page: title, instructors, rating, description, syllabus, price and enrolling. */
public final class CourseView {

    private final CourseViewModel model;
    private final Runnable back;
    private final Runnable wallet;

    public CourseView(CourseViewModel model, Runnable back, Runnable wallet) {
        this.model = model;
        this.back = back;
        this.wallet = wallet;
    }

    public Parent createView() {
        Hyperlink toCatalog = new Hyperlink(tr("course.back"));
        toCatalog.setOnAction(e -> back.run());
        Label title = new Label();
        title.setId("course-title");
        title.getStyleClass().add(Styles.TITLE_2);
        title.setWrapText(true);
        Label subtitle = new Label();
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        Label facts = new Label();
        Label description = new Label();
        description.setWrapText(true);
        Label price = new Label();
        price.setId("course-price");
        price.getStyleClass().add(Styles.TITLE_3);
        model.course().addListener((obs, old, c) -> {
            title.setText(c.title());
            subtitle.setText(c.subtitle() == null ? "" : c.subtitle());
            facts.setText(model.factsText());
            description.setText(io.lectern.desktop.core.text.MarkdownText.plain(c.description()));
            price.setText(model.priceText());
        });
        ListView<String> syllabus = new ListView<>(model.syllabus());
        syllabus.setId("course-syllabus");
        syllabus.setPrefHeight(260);
        VBox.setVgrow(syllabus, Priority.ALWAYS);

        HBox buy = buyRow(price);
        buy.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("course-message");
        message.setWrapText(true);
        message.textProperty().bind(model.message());

        Label outline = new Label(tr("course.syllabus"));
        outline.getStyleClass().add(Styles.TITLE_4);
        Label walletLine = new Label();
        walletLine.setId("course-wallet");
        walletLine.getStyleClass().add(Styles.TEXT_MUTED);
        walletLine.textProperty().bind(model.walletText());
        walletLine.managedProperty().bind(model.walletText().isNotEmpty());
        VBox root = new VBox(10, toCatalog, title, subtitle, facts, description, buy, walletLine, message, outline,
                syllabus);
        root.setPadding(new Insets(24));
        if (reviews != null) {
            root.getChildren().add(new ReviewsPane(reviews, model.enrolled()).createView());
            model.course().addListener((obs, old, c) -> {
                if (c != null && (old == null || !old.id().equals(c.id()))) {
                    reviews.load(c.id());
                }
            });
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(root);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private ReviewsViewModel reviews;

    /** Shows the course's reviews, and lets an enrolled learner write one. */
    public CourseView withReviews(ReviewsViewModel model) {
        this.reviews = model;
        return this;
    }

    /** Price, coupon, Enroll (Enrolled once bought), Open wallet when short, Download for offline when enrolled. */
    private HBox buyRow(Label price) {
        TextField coupon = new TextField();
        coupon.setPromptText(tr("course.coupon.prompt"));
        coupon.textProperty().bindBidirectional(model.coupon());
        Button enroll = new Button(tr("course.enroll"));
        enroll.setId("course-enroll");
        enroll.getStyleClass().add(Styles.ACCENT);
        enroll.setDefaultButton(true);
        enroll.disableProperty().bind(model.busy().or(model.enrolled()));
        enroll.textProperty().bind(javafx.beans.binding.Bindings.when(model.enrolled()).then(tr("course.enrolled"))
                .otherwise(tr("course.enroll")));
        enroll.setOnAction(e -> model.enroll());
        Button topUp = new Button(tr("course.openWallet"));
        topUp.setId("course-top-up");
        topUp.visibleProperty().bind(model.needsTopUp());
        topUp.managedProperty().bind(model.needsTopUp());
        topUp.setOnAction(e -> wallet.run());
        return new HBox(10, price, coupon, enroll, topUp, downloadButton());
    }

    private Button downloadButton() {
        Button download = new Button(tr("course.download"));
        download.setId("course-download");
        download.visibleProperty().bind(model.enrolled().and(javafx.beans.binding.Bindings.createBooleanBinding(
                model::canDownload)));
        download.managedProperty().bind(download.visibleProperty());
        download.disableProperty().bind(model.busy());
        download.setOnAction(e -> model.downloadForOffline());
        return download;
    }
}
