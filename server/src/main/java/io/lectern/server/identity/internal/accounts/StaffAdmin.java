package io.lectern.server.identity.internal.accounts;

import io.lectern.server.audit.AuditService;
import io.lectern.server.notify.MailService;
import io.lectern.server.identity.internal.tokens.Revocations;
import io.lectern.server.identity.internal.signin.SessionStore;
import io.lectern.server.platform.events.EventBus;
import io.lectern.server.platform.Ids;
import java.time.Clock;
import io.lectern.server.platform.db.Database;
import io.lectern.model.common.Page;
import io.lectern.model.identity.AccountSummary;
import io.lectern.model.identity.NewStaffAccount;
import io.lectern.model.identity.Role;
import io.lectern.model.identity.UserUpdate;
import io.lectern.server.audit.AuditRecord;
import io.lectern.server.identity.AccountCreated;
import io.lectern.server.identity.internal.Origin;
import io.lectern.server.identity.internal.signin.EmailCodes;
import io.lectern.server.notify.Mail;
import io.lectern.server.platform.http.ApiException;
import io.lectern.server.platform.http.PageCursor;
import io.lectern.server.platform.http.Validation;
import io.lectern.server.platform.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Admins list users, create instructor/admin accounts by invitation, change roles and (de)activate accounts. */
public final class StaffAdmin {

    private final Database db;
    private final Clock clock;
    private final Ids ids;
    private final EventBus events;
    private final UserStore userStore;
    private final EmailCodes codes;
    private final SessionStore sessions;
    private final Revocations revocations;
    private final MailService mail;
    private final AuditService audit;

    public StaffAdmin(Database db, Clock clock, Ids ids, EventBus events, UserStore userStore, EmailCodes codes,
                      SessionStore sessions, Revocations revocations, MailService mail, AuditService audit) {
        this.db = db;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.userStore = userStore;
        this.codes = codes;
        this.sessions = sessions;
        this.revocations = revocations;
        this.mail = mail;
        this.audit = audit;
    }

    public Page<AccountSummary> search(Optional<String> q, Optional<Role> role, Optional<Boolean> active, int limit,
                                       Optional<PageCursor> cursor) {
        return userStore.search(db.execute(), q, role, active, limit, cursor);
    }

    public AccountSummary create(Principal admin, NewStaffAccount req, Origin origin) {
        new Validation().required("email", req.email()).email("email", req.email())
                .required("displayName", req.displayName()).maxLength("displayName", req.displayName(), 80)
                .required("role", req.role())
                .check(req.role() == null || req.role() != Role.STUDENT, "role", "one_of",
                        "role must be INSTRUCTOR or ADMIN; learners register themselves.").throwIfInvalid();
        return db.inTransaction(tx -> {
            if (userStore.findByEmail(tx, req.email()).isPresent()) {
                throw new ApiException(409, "account.email_taken", "An account with this email already exists.");
            }
            UUID id = ids.next();
            userStore.insert(tx, new UserStore.NewUser(id, req.email().strip(), req.displayName().strip(),
                    req.role(), null, false));
            events.publish(tx, new AccountCreated(id, req.displayName().strip(), req.role()));
            String code = codes.issue(tx, id, EmailCodes.Purpose.INVITE);
            mail.send(tx, new Mail(req.email().strip(), "invite", java.util.Locale.ENGLISH, List.of(
                    req.displayName().strip(), code, "72", req.role().name().toLowerCase(java.util.Locale.ROOT))));
            audit.record(tx, AuditRecord.of(admin.userId(), "admin.user.created", id, origin.ip())
                    .with("role", req.role().name()));
            return userStore.findById(tx, id).orElseThrow().summary();
        });
    }

    public AccountSummary update(Principal admin, UUID id, UserUpdate req, Origin origin) {
        new Validation().check(req.role() != null || req.active() != null, "role", "required",
                "Send a new role, active, or both.").throwIfInvalid();
        if (id.equals(admin.userId())) {
            throw new ApiException(409, "admin.self_change", "You cannot change your own role or deactivate yourself; "
                    + "ask another admin.");
        }
        List<UUID> ended = new java.util.ArrayList<>();
        AccountSummary result = db.inTransaction(tx -> {
            UserRecord user = userStore.lock(tx, id).orElseThrow(() -> ApiException.notFound("This user"));
            if (req.role() != null && req.role() != user.role()) {
                userStore.setRole(tx, id, req.role());
                ended.addAll(sessions.revokeAll(tx, id, null, "role_changed"));
                audit.record(tx, AuditRecord.of(admin.userId(), "admin.user.role_changed", id, origin.ip())
                        .with("from", user.role().name()).with("to", req.role().name()));
            }
            if (req.active() != null && req.active() != user.active()) {
                userStore.setActive(tx, id, req.active());
                if (!req.active()) {
                    ended.addAll(sessions.revokeAll(tx, id, null, "deactivated"));
                }
                audit.record(tx, AuditRecord.of(admin.userId(),
                        req.active() ? "admin.user.reactivated" : "admin.user.deactivated", id, origin.ip()));
            }
            return userStore.findById(tx, id).orElseThrow().summary();
        });
        ended.forEach(revocations::revokeSession);
        if (!result.active()) {
            revocations.deactivate(id);
        } else {
            revocations.notBefore(id, clock.instant());
        }
        return result;
    }
}
