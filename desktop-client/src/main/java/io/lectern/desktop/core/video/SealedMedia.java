package io.lectern.desktop.core.video;

import io.lectern.desktop.core.downloads.SealedFiles;
import java.io.IOException;
import uk.co.caprica.vlcj.media.callback.seekable.SeekableCallbackMedia;

/**
 * A downloaded (encrypted) video handed to LibVLC through its media callbacks: VLC asks for bytes at offsets and
 * gets them decrypted chunk by chunk in memory, so no decrypted copy is ever written to disk.
 */
final class SealedMedia extends SeekableCallbackMedia {

    private final SealedFiles.Reader reader;
    private long position;

    SealedMedia(SealedFiles.Reader reader) {
        this.reader = reader;
    }

    @Override
    protected long onGetSize() {
        return reader.size();
    }

    @Override
    protected boolean onOpen() {
        position = 0;
        return true;
    }

    @Override
    protected int onRead(byte[] buffer, int bufferSize) throws IOException {
        int n = reader.read(position, buffer, 0, bufferSize);
        if (n <= 0) {
            return 0; // the end: LibVLC reads 0 as end of stream, -1 as an error
        }
        position += n;
        return n;
    }

    @Override
    protected boolean onSeek(long offset) {
        position = offset;
        return offset >= 0 && offset <= reader.size();
    }

    @Override
    protected void onClose() {
        // the reader belongs to the player, which closes it with the player
    }
}
