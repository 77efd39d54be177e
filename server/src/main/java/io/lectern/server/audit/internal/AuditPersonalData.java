package io.lectern.server.audit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.dbclient.DbExecute;
import io.lectern.server.platform.privacy.PersonalData;
import java.util.Set;

/**
 * The audit log's part: every entry by or about the person is exported. The log is otherwise append-only; deleting an
 * account is the one change it takes: the entries stay as a security record of what happened, but lose the
 * addresses they came from and the email addresses their details name, so they no longer point at a person.
 */
public final class AuditPersonalData implements PersonalData {

    private final AuditStore repository;
    private final ObjectMapper mapper;

    public AuditPersonalData(AuditStore repository, ObjectMapper mapper) {
        this.repository = repository;
        this.mapper = mapper;
    }

    @Override
    public String section() {
        return "audit";
    }

    @Override
    public Set<String> tables() {
        return Set.of("audit.entries");
    }

    @Override
    public Object export(DbExecute db, Person person) {
        return repository.aboutUser(db, person.id(), mapper);
    }

    @Override
    public void erase(DbExecute tx, Person person) {
        repository.scrub(tx, person.id(), person.email());
    }
}
