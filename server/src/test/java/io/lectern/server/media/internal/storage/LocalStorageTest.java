package io.lectern.server.media.internal.storage;

import java.nio.file.Files;
import org.junit.jupiter.api.BeforeEach;

class LocalStorageTest extends StorageContract {

    private MediaStorage storage;

    @BeforeEach
    void open() throws Exception {
        storage = new LocalStorage(Files.createDirectories(temp.resolve("media")));
    }

    @Override
    MediaStorage storage() {
        return storage;
    }
}
