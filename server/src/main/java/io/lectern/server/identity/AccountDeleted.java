package io.lectern.server.identity;

import java.util.UUID;

/**
 * A user deleted their account: modules erase or anonymise what they hold about the person (financial records
 * stay, keyed by the now anonymous id). Published inside the deleting transaction.
 *
 * @param userId the deleted user's id
 */
public record AccountDeleted(UUID userId) {
}
