package io.lectern.server.audit;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.audit.AuditEntry;
import io.lectern.model.common.Page;
import io.lectern.server.audit.internal.AuditStore;
import io.lectern.server.platform.Platform;

/** The audit log's facade: other modules record entries (in their own transaction when they have one). */
public final class AuditService {

    private final Platform platform;
    private final AuditStore repository;

    public AuditService(Platform platform, AuditStore repository) {
        this.platform = platform;
        this.repository = repository;
    }

    /** Records in the caller's transaction: the entry exists exactly when the change it describes does. */
    public void record(DbExecute tx, AuditRecord entry) {
        repository.insert(tx, platform.ids().next(), entry, platform.json().objectMapper());
    }

    /** Records on its own (failed attempts, where nothing else is written). */
    public void record(AuditRecord entry) {
        record(platform.db().execute(), entry);
    }

    /** What the log keeps about people, for the data export and account deletion. */
    public io.lectern.server.platform.privacy.PersonalData personalData() {
        return new io.lectern.server.audit.internal.AuditPersonalData(repository, platform.json().objectMapper());
    }

    public Page<AuditEntry> search(AuditStore.Filter filter) {
        return repository.search(platform.db().execute(), filter, platform.json().objectMapper());
    }
}
