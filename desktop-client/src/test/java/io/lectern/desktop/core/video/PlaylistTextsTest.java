package io.lectern.desktop.core.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quality choices from a signed master playlist; seek-bar previews from a signed sprite track. */
class PlaylistTextsTest {

    private static final URI MASTER = URI.create("http://h/media/m/files/master.m3u8?u=1&e=2&s=abc");

    @Test
    void variantsAreReadHighestFirstWithTheirSignedUrls() {
        String master = """
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-STREAM-INF:BANDWIDTH=928000,RESOLUTION=640x360,CODECS="avc1.640028,mp4a.40.2"
                360p/index.m3u8?u=1&e=2&s=x1
                #EXT-X-STREAM-INF:AVERAGE-BANDWIDTH=1,BANDWIDTH=2928000,RESOLUTION=1280x720,CODECS="avc1.640028"
                720p/index.m3u8?u=1&e=2&s=x2
                """;
        List<HlsVariants.Variant> v = HlsVariants.parse(master, MASTER);
        assertEquals(List.of("720p", "360p"), v.stream().map(HlsVariants.Variant::label).toList());
        assertEquals(2_928_000, v.getFirst().bandwidth());
        assertEquals(URI.create("http://h/media/m/files/720p/index.m3u8?u=1&e=2&s=x2"), v.getFirst().url());
        assertTrue(HlsVariants.parse("#EXTM3U\n#EXTINF:6.0,\nseg0.ts\n", MASTER).isEmpty(), "a media playlist");
    }

    @Test
    void thePreviewForAMomentIsItsTileOfTheSprite() {
        String vtt = """
                WEBVTT

                00:00:00.000 --> 00:00:05.000
                sprite.jpg?s=q#xywh=0,0,160,90

                00:00:05.000 --> 00:00:10.000
                sprite.jpg?s=q#xywh=160,0,160,90

                01:00:10.000 --> 01:00:12.500
                sprite.jpg?s=q#xywh=320,90,160,90
                """;
        ThumbnailTrack track = ThumbnailTrack.parse(vtt, URI.create("http://h/media/m/files/sprite.vtt?s=v"));
        assertEquals(3, track.size());
        ThumbnailTrack.Thumbnail t = track.at(7).orElseThrow();
        assertEquals(160, t.x());
        assertEquals(URI.create("http://h/media/m/files/sprite.jpg?s=q"), t.image());
        assertEquals(90, track.at(3611).orElseThrow().y(), "01:00:10 is an hour in");
        assertEquals(320, track.at(99_999).orElseThrow().x(), "past the end: the last picture");
        assertTrue(track.at(-1).isEmpty());
    }
}
