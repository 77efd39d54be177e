package io.lectern.server.audit;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.audit.AuditEntry;
import io.lectern.model.common.Page;
import io.lectern.server.audit.internal.AuditStore;
import io.lectern.server.platform.db.Database;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.http.Json;

/** The audit log's facade: other modules record entries (in their own transaction when they have one). */
public final class AuditService {

    private final Database db;
    private final Ids ids;
    private final Json json;
    private final AuditStore repository;

    public AuditService(Database db, Ids ids, Json json, AuditStore repository) {
        this.db = db;
        this.ids = ids;
        this.json = json;
        this.repository = repository;
    }

    /** Records in the caller's transaction: the entry exists exactly when the change it describes does. */
    public void record(DbExecute tx, AuditRecord entry) {
        repository.insert(tx, ids.next(), entry, json.objectMapper());
    }

    /** Records on its own (failed attempts, where nothing else is written). */
    public void record(AuditRecord entry) {
        record(db.execute(), entry);
    }

    /** What the log keeps about people, for the data export and account deletion. */
    public io.lectern.server.platform.privacy.PersonalData personalData() {
        return new io.lectern.server.audit.internal.AuditPersonalData(repository, json.objectMapper());
    }

    public Page<AuditEntry> search(AuditStore.Filter filter) {
        return repository.search(db.execute(), filter, json.objectMapper());
    }
}
