package io.lectern.server.platform.privacy;

import io.helidon.dbclient.DbExecute;
import java.util.Set;
import java.util.UUID;

/**
 * What one module keeps about a person, for the data export ({@code GET /api/v1/me/export}) and account deletion
 * ({@code DELETE /api/v1/me}). Every module that stores something about people registers one with
 * {@code IdentityService.addPersonalData}; {@link #tables()} names every table it keeps it in, and a test compares
 * them with the database, so a table about people that nobody exports fails the build.
 */
public interface PersonalData {

    /**
     * The person being exported or erased.
     *
     * @param id    account id
     * @param email address (mail sent to them is found by it)
     */
    record Person(UUID id, String email) {
    }

    /** The export section's name, such as {@code commerce}. */
    String section();

    /** Every table ({@code schema.table}) where the module keeps data about a person. */
    Set<String> tables();

    /** Everything the module keeps about the person, as values Jackson writes. */
    Object export(DbExecute db, Person person);

    /**
     * Erases or anonymises it inside the deleting transaction: public traces name no one, what the law needs for
     * money stays without the name where allowed, nothing else is left.
     */
    void erase(DbExecute tx, Person person);
}
