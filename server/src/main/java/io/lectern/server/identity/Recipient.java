package io.lectern.server.identity;

import java.util.Locale;
import java.util.UUID;

/**
 * Whom another module mails: address, name and the language they chose.
 *
 * @param id          account
 * @param email       address
 * @param displayName name to greet them by
 * @param locale      language of their mail
 */
public record Recipient(UUID id, String email, String displayName, Locale locale) {
}
