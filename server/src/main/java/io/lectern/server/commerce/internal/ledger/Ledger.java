package io.lectern.server.commerce.internal.ledger;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.commerce.LedgerCheck;
import io.lectern.model.commerce.WalletTransaction;
import io.lectern.server.platform.Ids;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.SqlErrors;
import io.lectern.server.platform.db.Writes;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The double-entry ledger. {@link #post} writes one balanced transaction inside the caller's database
 * transaction: the legs must sum to zero, kept balances move under their no-overdraft CHECK (in account-id order,
 * so concurrent postings never deadlock), and a statement-level trigger checks that the entries each statement
 * inserts balance per transaction (commerce/V4).
 */
public final class Ledger {

    /** Books a transaction; its entries follow from {@code ledger_tx}'s row. */
    private static final String BOOK_TRANSACTION = """
            INSERT INTO commerce.transactions (id, kind, reference, actor_id, memo, created_at)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id, created_at""";
    private static final String BOOK_ENTRIES = """
            INSERT INTO commerce.entries (transaction_id, account_id, amount, created_at)
            SELECT t.id, e.account, e.amount, t.created_at
              FROM ledger_tx t, unnest(?::uuid[], ?::bigint[]) AS e(account, amount)""";
    private static final String MOVE = "UPDATE commerce.accounts SET balance = balance + ? WHERE id = ?";

    private final Ids ids;
    private final Clock clock;
    private final String currency;
    private final Map<AccountKind, UUID> systemAccounts = new ConcurrentHashMap<>();
    /** Ids of owned accounts made by earlier transactions (never this one's: a rollback could undo those). */
    private final Map<String, UUID> ownedAccounts = new ConcurrentHashMap<>();

    public Ledger(Ids ids, Clock clock, String currency) {
        this.ids = ids;
        this.clock = clock;
        this.currency = currency;
    }

    public String currency() {
        return currency;
    }

    /** Writes a balanced transaction; throws {@link InsufficientFundsException} when a kept balance would go negative. */
    public UUID post(DbExecute tx, String kind, String reference, UUID actorId, String memo, List<Leg> legs) {
        List<Leg> ordered = ordered(legs);
        List<Leg> kept = ordered.stream().filter(l -> l.kind().tracked()).toList();
        Writes writes = new Writes();
        UUID id;
        if (kept.size() <= 1) { // the common case (a sale, a top-up): one statement moves the balance and books
            id = moveAndBook(writes, kept, kind, reference, actorId, memo, ordered);
        } else {
            for (Leg leg : kept) { // one by one in account order, so concurrent postings never deadlock
                overdraftChecked(leg, () -> tx.update(MOVE, leg.amount(), leg.accountId()));
            }
            id = moveAndBook(writes, List.of(), kind, reference, actorId, memo, ordered);
        }
        Leg first = kept.isEmpty() ? null : kept.getFirst();
        overdraftChecked(first, () -> {
            writes.run(tx);
            return 0;
        });
        return id;
    }

    /**
     * Adds a balanced transaction to {@code writes} that moves at most one kept balance (one statement cannot promise
     * in which order it would lock several). When the statement runs, a kept balance going negative fails it
     * with {@link #isOverdraft}. Returns the transaction's id.
     */
    public UUID post(Writes writes, String kind, String reference, UUID actorId, String memo, List<Leg> legs) {
        List<Leg> ordered = ordered(legs);
        List<Leg> kept = ordered.stream().filter(l -> l.kind().tracked()).toList();
        if (kept.size() > 1) {
            throw new IllegalArgumentException("one statement moves at most one kept balance: " + legs);
        }
        return moveAndBook(writes, kept, kind, reference, actorId, memo, ordered);
    }

    /** Whether a failed posting failed because a kept balance would have gone negative. */
    public static boolean isOverdraft(RuntimeException e) {
        return SqlErrors.isCheckViolation(e, "accounts_no_overdraft");
    }

    private static List<Leg> ordered(List<Leg> legs) {
        long sum = legs.stream().mapToLong(Leg::amount).sum();
        if (sum != 0 || legs.isEmpty() || legs.stream().anyMatch(l -> l.amount() == 0)) {
            throw new IllegalArgumentException("a ledger transaction must balance, with no zero legs: " + legs);
        }
        return legs.stream().sorted(Comparator.comparing(Leg::accountId)).toList();
    }

    /** Adds the move of at most one kept balance ({@code moved}) and the booking of the legs to {@code writes}. */
    private UUID moveAndBook(Writes writes, List<Leg> moved, String kind, String reference, UUID actorId, String memo,
                             List<Leg> ordered) {
        moved.forEach(leg -> writes.add("ledger_move", MOVE, leg.amount(), leg.accountId()));
        UUID id = ids.next();
        writes.add("ledger_tx", BOOK_TRANSACTION, id, kind, reference, actorId, memo, Rows.param(clock.instant()))
                .add("ledger_entries", BOOK_ENTRIES, Rows.uuidArray(ordered.stream().map(Leg::accountId).toList()),
                        ordered.stream().mapToLong(Leg::amount).toArray());
        return id;
    }

    private static void overdraftChecked(Leg leg, LongSupplier statement) {
        try {
            statement.getAsLong();
        } catch (RuntimeException e) {
            if (leg != null && isOverdraft(e)) {
                throw new InsufficientFundsException(leg.accountId());
            }
            throw e;
        }
    }

    /** The account of {@code kind} owned by {@code ownerId} (null for the system's), made on first use. */
    public UUID account(DbExecute tx, AccountKind kind, UUID ownerId) {
        if (!kind.owned()) {
            UUID id = systemAccounts.get(kind);
            if (id == null) {
                throw new IllegalStateException("system accounts are made at start-up: " + kind);
            }
            return id;
        }
        return findOrCreate(tx, kind, ownerId);
    }

    /** Makes the system's accounts (committed on their own, before any posting needs them). */
    public void openSystemAccounts(DbExecute db) {
        for (AccountKind kind : AccountKind.values()) {
            if (!kind.owned()) {
                systemAccounts.put(kind, findOrCreate(db, kind, null));
            }
        }
    }

    private UUID findOrCreate(DbExecute tx, AccountKind kind, UUID ownerId) {
        UUID known = ownedAccounts.get(kind.name() + ownerId);
        if (known != null) {
            return known;
        }
        var row = tx.get("SELECT id, created_at = transaction_timestamp() AS ours FROM commerce.accounts "
                + "WHERE kind = ? AND owner_id IS NOT DISTINCT FROM ?::uuid", kind.name(), ownerId);
        if (row.isPresent()) {
            UUID id = Rows.uuid(row.get(), "id");
            if (ownerId != null && !Rows.flag(row.get(), "ours")) {
                ownedAccounts.put(kind.name() + ownerId, id);
            }
            return id;
        }
        tx.insert("INSERT INTO commerce.accounts (id, kind, owner_id, currency) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                ids.next(), kind.name(), ownerId, currency);
        return find(tx, kind, ownerId).orElseThrow();
    }

    public Optional<UUID> find(DbExecute db, AccountKind kind, UUID ownerId) {
        return db.get("SELECT id FROM commerce.accounts WHERE kind = ? AND owner_id IS NOT DISTINCT FROM ?::uuid",
                kind.name(), ownerId).map(r -> Rows.uuid(r, "id"));
    }

    /** The balance of an owned account, kept on its row or summed from its entries (0 when it does not exist yet). */
    public long balance(DbExecute db, AccountKind kind, UUID ownerId) {
        if (!kind.tracked()) {
            return summed(db, kind, ownerId);
        }
        return db.get("SELECT balance FROM commerce.accounts WHERE kind = ? AND owner_id = ?", kind.name(), ownerId)
                .map(r -> Rows.number(r, "balance")).orElse(0L);
    }

    private long summed(DbExecute db, AccountKind kind, UUID ownerId) {
        return db.get("""
                SELECT coalesce(sum(e.amount), 0) AS balance FROM commerce.accounts a
                  JOIN commerce.entries e ON e.account_id = a.id WHERE a.kind = ? AND a.owner_id = ?""",
                kind.name(), ownerId).map(r -> Rows.number(r, "balance")).orElse(0L);
    }

    /**
     * One movement of an account and its entry id (the history's cursor).
     *
     * @param entryId     entry id, increasing with time
     * @param transaction the movement
     */
    public record Movement(long entryId, WalletTransaction transaction) {
    }

    /** An account's movements, newest first, before {@code beforeEntry} when given. */
    public List<Movement> history(DbExecute db, UUID accountId, int limit, Optional<Long> beforeEntry) {
        try (var rows = db.query("""
                SELECT e.id AS entry_id, t.id, t.kind, e.amount, t.memo, t.created_at
                  FROM commerce.entries e JOIN commerce.transactions t ON t.id = e.transaction_id
                 WHERE e.account_id = ? AND e.id < ?
                 ORDER BY e.id DESC LIMIT ?""", accountId, beforeEntry.orElse(Long.MAX_VALUE), limit)) {
            return rows.map(r -> new Movement(Rows.number(r, "entry_id"), new WalletTransaction(Rows.uuid(r, "id"),
                    Rows.text(r, "kind"), Rows.number(r, "amount"), currency, Rows.text(r, "memo"),
                    Rows.instant(r, "created_at")))).toList();
        }
    }

    /**
     * Checks the whole ledger: entries sum to zero, each transaction balances, kept balances match their entries, and
     * no balance that may not go negative (kept or summed) is below zero.
     */
    public LedgerCheck check(DbExecute db) {
        return db.get("""
                SELECT (SELECT coalesce(sum(amount), 0) FROM commerce.entries) AS total,
                       (SELECT count(*) FROM commerce.transactions) AS transactions,
                       (SELECT count(*) FROM commerce.entries) AS entries,
                       (SELECT count(*) FROM (SELECT transaction_id FROM commerce.entries GROUP BY transaction_id
                                              HAVING sum(amount) <> 0) x) AS unbalanced,
                       (SELECT count(*) FROM commerce.accounts a
                         WHERE a.kind IN ('WALLET', 'INSTRUCTOR_AVAILABLE', 'INSTRUCTOR_PAYOUT_HOLD')
                           AND a.balance <> (SELECT coalesce(sum(e.amount), 0) FROM commerce.entries e
                                              WHERE e.account_id = a.id)) AS drifted,
                       (SELECT count(*) FROM commerce.accounts
                         WHERE kind IN ('WALLET', 'INSTRUCTOR_AVAILABLE', 'INSTRUCTOR_PAYOUT_HOLD') AND balance < 0)
                     + (SELECT count(*) FROM commerce.accounts a WHERE a.kind = 'INSTRUCTOR_PENDING'
                           AND (SELECT coalesce(sum(e.amount), 0) FROM commerce.entries e WHERE e.account_id = a.id) < 0)
                       AS negative""").map(r -> {
                    long total = Rows.number(r, "total");
                    long unbalanced = Rows.number(r, "unbalanced");
                    long drifted = Rows.number(r, "drifted");
                    long negative = Rows.number(r, "negative");
                    return new LedgerCheck(total == 0 && unbalanced == 0 && drifted == 0 && negative == 0, total,
                            Rows.number(r, "transactions"), Rows.number(r, "entries"), unbalanced, drifted, negative,
                            clock.instant());
                }).orElseThrow();
    }
}
