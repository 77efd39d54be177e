package io.lectern.desktop.core.downloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealed downloads: nothing readable on disk, any offset readable, a resume keeps whole chunks, tampering caught. */
class SealedFilesTest {

    @TempDir
    Path dir;

    private static byte[] content(int size) {
        byte[] data = new byte[size];
        new Random(7).nextBytes(data);
        byte[] marker = "ftypisom-PLAIN-MARKER".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, data, 4, marker.length);
        return data;
    }

    @Test
    void whatIsWrittenReadsBackAtAnyOffsetAndNothingPlainIsOnDisk() throws IOException {
        SealedFiles files = SealedFiles.open(dir.resolve("key"));
        byte[] data = content(SealedFiles.CHUNK * 3 + 1234);
        Path file = dir.resolve("v.sealed");
        try (SealedFiles.Writer w = files.writer(file, data.length)) {
            for (int at = 0; at < data.length; at += 10_000) {
                w.write(data, at, Math.min(10_000, data.length - at));
            }
            assertTrue(w.complete());
        }
        assertEquals(SealedFiles.sealedLength(data.length), Files.size(file));
        String disk = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertFalse(disk.contains("PLAIN-MARKER"), "the plain bytes are not on disk");
        try (SealedFiles.Reader r = SealedFiles.open(dir.resolve("key")).reader(file)) {
            assertEquals(data.length, r.size());
            assertArrayEquals(data, r.readAll());
            byte[] part = new byte[100];
            int n = r.read(SealedFiles.CHUNK * 2L - 50, part, 0, 100);
            assertEquals(50, n, "a read stops at the chunk's end");
            assertArrayEquals(Arrays.copyOfRange(data, SealedFiles.CHUNK * 2 - 50, SealedFiles.CHUNK * 2),
                    Arrays.copyOf(part, 50));
            assertEquals(-1, r.read(data.length, part, 0, 1));
        }
    }

    @Test
    void aResumeKeepsTheWholeChunksAndFinishesTheSameFile() throws IOException {
        SealedFiles files = SealedFiles.open(dir.resolve("key"));
        byte[] data = content(SealedFiles.CHUNK * 2 + 99);
        Path file = dir.resolve("v.sealed");
        try (SealedFiles.Writer w = files.writer(file, data.length)) {
            w.write(data, 0, SealedFiles.CHUNK + 500); // the app stops part-way into the second chunk
        }
        try (SealedFiles.Writer w = files.writer(file, data.length)) {
            assertEquals(SealedFiles.CHUNK, w.sealed(), "the whole first chunk is kept; the rest is fetched again");
            w.write(data, (int) w.sealed(), data.length - (int) w.sealed());
        }
        try (SealedFiles.Writer again = files.writer(file, data.length)) {
            assertTrue(again.complete(), "a finished file stays finished");
        }
        try (SealedFiles.Reader r = files.reader(file)) {
            assertArrayEquals(data, r.readAll());
        }
    }

    @Test
    void aChangedByteOrAnotherInstallsKeyIsRefused() throws IOException {
        SealedFiles files = SealedFiles.open(dir.resolve("key"));
        byte[] data = content(1000);
        Path file = dir.resolve("p.sealed");
        try (SealedFiles.Writer w = files.writer(file, data.length)) {
            w.write(data, 0, data.length);
        }
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        try (SealedFiles.Reader r = SealedFiles.open(other.resolve("key")).reader(file)) {
            assertThrows(IOException.class, r::readAll, "another install's key opens nothing");
        }
        byte[] raw = Files.readAllBytes(file);
        raw[raw.length - 20] ^= 1;
        Files.write(file, raw);
        try (SealedFiles.Reader r = files.reader(file)) {
            IOException e = assertThrows(IOException.class, r::readAll);
            assertTrue(e.getMessage().contains("download it again"), e.getMessage());
        }
    }
}
