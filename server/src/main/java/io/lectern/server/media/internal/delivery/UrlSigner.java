package io.lectern.server.media.internal.delivery;

import io.lectern.server.platform.security.SecretBox;
import java.time.Instant;
import java.util.UUID;

/**
 * Signs media file URLs: HMAC-SHA256 (key derived from the server secret) over the media id, the user it was
 * issued to, the file's path, the expiry and, for playlists the server writes on the fly, what goes into them (the
 * subtitle tracks of a master playlist). A signature works for that one file of that one media item until it
 * expires; changing any part (another segment, another media id, a later expiry, another track) breaks it.
 */
public final class UrlSigner {

    /**
     * The query of a signed URL.
     *
     * @param user      user the URL was issued to
     * @param expires   epoch second after which it fails
     * @param signature hex HMAC
     */
    public record Grant(String user, long expires, String signature) {

        public String query() {
            return "u=" + user + "&e=" + expires + "&s=" + signature;
        }
    }

    private final SecretBox secrets;

    public UrlSigner(SecretBox secrets) {
        this.secrets = secrets;
    }

    public Grant sign(UUID mediaId, String user, String path, Instant expires) {
        return sign(mediaId, user, path, expires, "");
    }

    /** As {@link #sign(UUID, String, String, Instant)}, also covering {@code extra} (parameters the file is made from). */
    public Grant sign(UUID mediaId, String user, String path, Instant expires, String extra) {
        long e = expires.getEpochSecond();
        return new Grant(user, e, mac(mediaId, user, path, e, extra));
    }

    /** The same, for a URL that carries {@code extra}. */
    public boolean verify(UUID mediaId, String path, String user, String expires, String signature, Instant now,
                          String extra) {
        if (user == null || expires == null || signature == null || !expires.matches("\\d{1,12}")
                || !user.matches("[0-9a-f-]{36}|anonymous") || !signature.matches("[0-9a-f]{64}")) {
            return false;
        }
        long e = Long.parseLong(expires);
        return e >= now.getEpochSecond() && SecretBox.same(mac(mediaId, user, path, e, extra), signature);
    }

    private String mac(UUID mediaId, String user, String path, long expires, String extra) {
        return secrets.hmac("lectern-media-url\n" + mediaId + "\n" + user + "\n" + path + "\n" + expires
                + (extra.isEmpty() ? "" : "\n" + extra));
    }
}
