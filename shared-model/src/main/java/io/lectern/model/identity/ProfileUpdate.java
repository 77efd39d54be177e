package io.lectern.model.identity;

import java.util.UUID;

/**
 * A partial profile edit: null fields stay as they are.
 *
 * @param displayName   1 to 80 characters
 * @param bio           up to 2000 characters; empty clears it
 * @param avatarMediaId an uploaded image's media id
 * @param timezone      IANA time zone id
 * @param locale        a supported language tag
 */
public record ProfileUpdate(String displayName, String bio, UUID avatarMediaId, String timezone, String locale) {
}
