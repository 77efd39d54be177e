package io.lectern.model.catalog;

import java.util.UUID;

/**
 * A subtitle track of a video lesson.
 *
 * @param language BCP 47 language tag
 * @param mediaId  the WebVTT file's media id
 */
public record Subtitle(String language, UUID mediaId) {
}
