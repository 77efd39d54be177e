package io.lectern.desktop.core.downloads;

import static io.lectern.desktop.core.i18n.Messages.tr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Downloaded lessons encrypted at rest, readable at any offset without a decrypted copy on disk: the file is a
 * header and 256 KiB chunks, each sealed with AES-256-GCM under a key derived (HMAC-SHA256) from this install's
 * master key and the file's random salt; the chunk's index is its nonce and the header (which holds the plain length)
 * its associated data, so chunks cannot be moved, swapped or cut off unnoticed. Chunks are independent, so a paused
 * download resumes after the last whole chunk, even after a restart (a streaming AEAD such as Tink's cannot be
 * appended to once closed; see ADR 0018).
 */
public final class SealedFiles {

    static final int CHUNK = 256 * 1024;
    private static final int TAG = 16;
    private static final byte[] MAGIC = {'L', 'C', 'T', 'N', 'S', 'E', 'A', 'L'};
    private static final int HEADER = MAGIC.length + 8 + 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] master;

    private SealedFiles(byte[] master) {
        this.master = master;
    }

    /** Opens (or makes, owner-only) this install's master key. */
    public static SealedFiles open(Path keyFile) throws IOException {
        if (!Files.exists(keyFile)) {
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Path tmp = keyFile.resolveSibling(keyFile.getFileName() + ".tmp");
            Files.write(tmp, key);
            ownerOnly(tmp);
            Files.move(tmp, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        byte[] key = Files.readAllBytes(keyFile);
        if (key.length != 32) {
            throw new IOException(tr("downloads.error.key", keyFile.toString()));
        }
        return new SealedFiles(key);
    }

    /**
     * A writer for {@code plainLength} bytes into {@code file}: a new file, or the same download resumed after its
     * last whole chunk (a file for another length starts over).
     */
    public Writer writer(Path file, long plainLength) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        ownerOnly(file);
        byte[] header = readHeader(ch);
        if (header == null || ByteBuffer.wrap(header, MAGIC.length, 8).getLong() != plainLength) {
            header = ByteBuffer.allocate(HEADER).put(MAGIC).putLong(plainLength).put(randomSalt()).array();
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(header), 0);
        }
        if (ch.size() == sealedLength(plainLength)) {
            return new Writer(ch, header, key(header), plainLength, plainLength);
        }
        long whole = Math.max(0, ch.size() - HEADER) / (CHUNK + TAG);
        long sealed = Math.min(plainLength, whole * CHUNK);
        ch.truncate(HEADER + whole * (CHUNK + TAG));
        return new Writer(ch, header, key(header), plainLength, sealed);
    }

    /** The size on disk of a finished file of {@code plainLength} bytes. */
    public static long sealedLength(long plainLength) {
        long chunks = (plainLength + CHUNK - 1) / CHUNK;
        return HEADER + plainLength + chunks * TAG;
    }

    /** A reader of a finished (or partly written) file. */
    public Reader reader(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        byte[] header = readHeader(ch);
        if (header == null) {
            ch.close();
            throw new IOException(tr("downloads.error.notSealed", String.valueOf(file.getFileName())));
        }
        return new Reader(ch, header, key(header), ByteBuffer.wrap(header, MAGIC.length, 8).getLong());
    }

    private SecretKeySpec key(byte[] header) throws IOException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            mac.update("lectern-download-v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new SecretKeySpec(mac.doFinal(Arrays.copyOfRange(header, MAGIC.length + 8, HEADER)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IOException(tr("downloads.error.noHmac", e.getMessage()), e);
        }
    }

    private static byte[] readHeader(FileChannel ch) throws IOException {
        if (ch.size() < HEADER) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER);
        while (b.hasRemaining() && ch.read(b, b.position()) > 0) {
            // fill
        }
        byte[] header = b.array();
        return Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length) ? header : null;
    }

    private static byte[] randomSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] header, long chunk) throws IOException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(mode, key, new GCMParameterSpec(TAG * 8, ByteBuffer.allocate(12).putInt(0).putLong(chunk).array()));
            c.updateAAD(header);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IOException(tr("downloads.error.noAes", e.getMessage()), e);
        }
    }

    /** Appends plain bytes, sealing each chunk as it fills; {@link #sealed()} is what a resume keeps. */
    public static final class Writer implements AutoCloseable {
        private final FileChannel ch;
        private final byte[] header;
        private final SecretKeySpec key;
        private final long plainLength;
        private final ByteBuffer pending = ByteBuffer.allocate(CHUNK);
        private long sealed;

        Writer(FileChannel ch, byte[] header, SecretKeySpec key, long plainLength, long sealed) {
            this.ch = ch;
            this.header = header;
            this.key = key;
            this.plainLength = plainLength;
            this.sealed = sealed;
        }

        /** Plain bytes already sealed to disk: where a download resumes. */
        public long sealed() {
            return sealed;
        }

        /** Plain bytes taken so far, sealed or waiting for their chunk to fill. */
        public long written() {
            return sealed + pending.position();
        }

        public long plainLength() {
            return plainLength;
        }

        public void write(byte[] data, int off, int len) throws IOException {
            if (written() + len > plainLength) {
                throw new IOException(tr("downloads.error.tooLong", plainLength));
            }
            while (len > 0) {
                int n = Math.min(len, pending.remaining());
                pending.put(data, off, n);
                off += n;
                len -= n;
                if (!pending.hasRemaining() || written() == plainLength) {
                    seal();
                }
            }
        }

        public boolean complete() {
            return sealed == plainLength;
        }

        private void seal() throws IOException {
            long index = sealed / CHUNK;
            try {
                byte[] out = cipher(Cipher.ENCRYPT_MODE, key, header, index).doFinal(pending.array(), 0,
                        pending.position());
                ch.write(ByteBuffer.wrap(out), HEADER + index * (CHUNK + TAG));
            } catch (GeneralSecurityException e) {
                throw new IOException(tr("downloads.error.sealing", e.getMessage()), e);
            }
            sealed += pending.position();
            pending.clear();
        }

        /** Closes the file; bytes of an unfilled chunk are dropped (a resume fetches them again). */
        @Override
        public void close() throws IOException {
            ch.force(false);
            ch.close();
        }
    }

    /** Random access to the plain bytes; one chunk is kept decrypted in memory. */
    public static final class Reader implements AutoCloseable {
        private final FileChannel ch;
        private final byte[] header;
        private final SecretKeySpec key;
        private final long size;
        private long cachedIndex = -1;
        private byte[] cached;

        Reader(FileChannel ch, byte[] header, SecretKeySpec key, long size) {
            this.ch = ch;
            this.header = header;
            this.key = key;
            this.size = size;
        }

        public long size() {
            return size;
        }

        /** Reads up to {@code len} plain bytes at {@code position}; -1 at the end. */
        public synchronized int read(long position, byte[] into, int off, int len) throws IOException {
            if (position >= size) {
                return -1;
            }
            byte[] chunk = chunk(position / CHUNK);
            int inChunk = (int) (position % CHUNK);
            int n = Math.min(len, chunk.length - inChunk);
            System.arraycopy(chunk, inChunk, into, off, n);
            return n;
        }

        /** All plain bytes (for small files such as PDFs, which are rendered from memory). */
        public byte[] readAll() throws IOException {
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException(tr("downloads.error.tooLarge"));
            }
            byte[] all = new byte[(int) size];
            for (int at = 0; at < all.length;) {
                at += read(at, all, at, all.length - at);
            }
            return all;
        }

        private byte[] chunk(long index) throws IOException {
            if (index == cachedIndex) {
                return cached;
            }
            int plain = (int) Math.min(CHUNK, size - index * CHUNK);
            ByteBuffer sealedChunk = ByteBuffer.allocate(plain + TAG);
            long at = HEADER + index * (CHUNK + TAG);
            while (sealedChunk.hasRemaining()) {
                if (ch.read(sealedChunk, at + sealedChunk.position()) < 0) {
                    throw new IOException(tr("downloads.error.incomplete"));
                }
            }
            try {
                cached = cipher(Cipher.DECRYPT_MODE, key, header, index).doFinal(sealedChunk.array());
            } catch (GeneralSecurityException e) {
                throw new IOException(tr("downloads.error.damaged"), e);
            }
            cachedIndex = index;
            return cached;
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
