package io.lectern.desktop;

import javafx.application.Application;

/** Plain main class, so the app starts from a class path without JavaFX module flags. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(LecternApp.class, args);
    }
}
