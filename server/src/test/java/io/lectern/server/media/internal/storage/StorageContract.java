package io.lectern.server.media.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link MediaStorage} must do; each backend runs the same tests. */
abstract class StorageContract {

    @TempDir
    Path temp;

    abstract MediaStorage storage();

    private Path file(String name, byte[] content) throws Exception {
        return Files.write(temp.resolve(name), content);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    @Test
    void storedFilesComeBackWholeAndInRanges() throws Exception {
        String prefix = UUID.randomUUID().toString();
        byte[] content = bytes(300_000);
        storage().put(prefix + "/original", file("a", content));
        MediaStorage.Stat stat = storage().stat(prefix + "/original").orElseThrow();
        assertEquals(content.length, stat.size());
        assertFalse(stat.etag().isBlank());
        try (InputStream in = storage().open(prefix + "/original", 0, content.length)) {
            assertArrayEquals(content, in.readAllBytes());
        }
        try (InputStream in = storage().open(prefix + "/original", 1000, 5000)) {
            assertArrayEquals(Arrays.copyOfRange(content, 1000, 6000), in.readAllBytes());
        }
        Path copy = storage().localCopy(prefix + "/original", Files.createDirectories(temp.resolve("work")));
        assertArrayEquals(content, Files.readAllBytes(copy));
    }

    @Test
    void treesAreStoredUnderTheirPrefixAndDeletedTogether() throws Exception {
        String prefix = UUID.randomUUID().toString();
        Path dir = Files.createDirectories(temp.resolve("out/hls/360p"));
        Files.writeString(dir.resolve("index.m3u8"), "#EXTM3U\n");
        Files.write(dir.resolve("seg_0000.ts"), bytes(1000));
        Files.writeString(temp.resolve("out/poster.jpg"), "jpg");
        storage().putTree(prefix, temp.resolve("out"));
        assertEquals(1000, storage().stat(prefix + "/hls/360p/seg_0000.ts").orElseThrow().size());
        try (InputStream in = storage().open(prefix + "/hls/360p/index.m3u8", 0, 8)) {
            assertEquals("#EXTM3U\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String other = UUID.randomUUID().toString();
        storage().put(other + "/original", file("b", bytes(10)));
        storage().deleteAll(prefix);
        assertTrue(storage().stat(prefix + "/hls/360p/seg_0000.ts").isEmpty());
        assertTrue(storage().stat(prefix + "/poster.jpg").isEmpty());
        assertTrue(storage().stat(other + "/original").isPresent(), "another media item is untouched");
    }

    @Test
    void replacingAFileChangesItsEtagAndMissingFilesAreEmpty() throws Exception {
        String key = UUID.randomUUID() + "/sprite.vtt";
        storage().put(key, file("c", bytes(100)));
        String first = storage().stat(key).orElseThrow().etag();
        Thread.sleep(1100);
        storage().put(key, file("d", bytes(120)));
        assertNotEquals(first, storage().stat(key).orElseThrow().etag());
        assertTrue(storage().stat(UUID.randomUUID() + "/nothing").isEmpty());
    }

    @Test
    void keysCannotLeaveTheirPlace() {
        for (String bad : new String[] {"../etc/passwd", "/abs", "a/../../b", "a//b", "", "a/.hidden/../x"}) {
            assertFalse(StorageKeys.valid(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> storage().stat(bad), bad);
        }
    }
}
