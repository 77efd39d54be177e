package io.lectern.desktop.learner;

import static io.lectern.desktop.core.i18n.Messages.tr;

import io.lectern.desktop.core.api.ApiError;
import io.lectern.desktop.core.api.ServerUnreachableException;
import io.lectern.desktop.core.auth.SessionEndedException;
import io.lectern.desktop.core.learning.CertificateClient;
import io.lectern.model.learning.Certificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The learner's certificates: list, save a PDF, the verification link to share. */
public final class CertificatesViewModel {

    private final CertificateClient certificates;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Certificate> items = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    public CertificatesViewModel(CertificateClient certificates, Executor background, Executor ui) {
        this.certificates = certificates;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<Certificate> items() {
        return items;
    }

    public StringProperty message() {
        return message;
    }

    public void load() {
        background.execute(() -> {
            try {
                List<Certificate> list = certificates.mine();
                ui.execute(() -> {
                    items.setAll(list);
                    message.set(list.isEmpty() ? tr("certificates.none") : "");
                });
            } catch (ApiError | ServerUnreachableException | SessionEndedException e) {
                ui.execute(() -> message.set(e instanceof ServerUnreachableException
                        ? tr("certificates.offline") : e.getMessage()));
            }
        });
    }

    /** Saves the certificate's PDF to {@code file}. */
    public void save(Certificate c, Path file) {
        message.set(tr("certificates.saving"));
        background.execute(() -> {
            try {
                Files.write(file, certificates.pdf(c));
                ui.execute(() -> message.set(tr("certificates.saved", file.toString())));
            } catch (ApiError | ServerUnreachableException | SessionEndedException | IOException e) {
                ui.execute(() -> message.set(tr("certificates.saveFailed", e.getMessage())));
            }
        });
    }

    /** What the learner shares: the public page that shows the certificate is genuine. */
    public String verificationLink(Certificate c) {
        message.set(tr("certificates.linkCopied"));
        return c.verifyUrl();
    }
}
