package io.lectern.server.commerce.internal.ledger;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.commerce.WalletTransaction;
import io.lectern.server.platform.db.Rows;
import io.lectern.server.platform.db.Writes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL over the ledger: commerce.accounts, commerce.transactions and commerce.entries. */
public final class LedgerStore {

    /** Books a transaction; its entries follow from {@code ledger_tx}'s row. */
    private static final String BOOK_TRANSACTION = """
            INSERT INTO commerce.transactions (id, kind, reference, actor_id, memo, created_at)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id, created_at""";
    private static final String BOOK_ENTRIES = """
            INSERT INTO commerce.entries (transaction_id, account_id, amount, created_at)
            SELECT t.id, e.account, e.amount, t.created_at
              FROM ledger_tx t, unnest(?::uuid[], ?::bigint[]) AS e(account, amount)""";
    private static final String MOVE = "UPDATE commerce.accounts SET balance = balance + ? WHERE id = ?";

    /**
     * An account found by kind and owner.
     *
     * @param id   account id
     * @param ours whether the current transaction made it
     */
    record FoundAccount(UUID id, boolean ours) {
    }

    /**
     * The whole ledger's totals, as {@link Ledger#check} judges them.
     *
     * @param total        sum of all entries
     * @param transactions number of transactions
     * @param entries      number of entries
     * @param unbalanced   transactions whose entries do not sum to zero
     * @param drifted      kept balances that differ from their entries
     * @param negative     balances below zero that may not be
     */
    record Totals(long total, long transactions, long entries, long unbalanced, long drifted, long negative) {
    }

    /** Moves a kept balance by {@code amount} at once; returns the rows changed. */
    long move(DbExecute tx, long amount, UUID accountId) {
        return tx.update(MOVE, amount, accountId);
    }

    /** Adds the move of a kept balance to {@code writes}. */
    void addMove(Writes writes, long amount, UUID accountId) {
        writes.add("ledger_move", MOVE, amount, accountId);
    }

    /** Adds the booking of a transaction and its legs (in the order given) to {@code writes}. */
    void addBooking(Writes writes, UUID id, String kind, String reference, UUID actorId, String memo, Instant at,
                    List<Leg> legs) {
        writes.add("ledger_tx", BOOK_TRANSACTION, id, kind, reference, actorId, memo, Rows.param(at))
                .add("ledger_entries", BOOK_ENTRIES, Rows.uuidArray(legs.stream().map(Leg::accountId).toList()),
                        legs.stream().mapToLong(Leg::amount).toArray());
    }

    /** The account of {@code kind} owned by {@code ownerId} (null for the system's), with whether this transaction made it. */
    Optional<FoundAccount> findAccount(DbExecute tx, AccountKind kind, UUID ownerId) {
        return tx.get("SELECT id, created_at = transaction_timestamp() AS ours FROM commerce.accounts "
                + "WHERE kind = ? AND owner_id IS NOT DISTINCT FROM ?::uuid", kind.name(), ownerId)
                .map(r -> new FoundAccount(Rows.uuid(r, "id"), Rows.flag(r, "ours")));
    }

    /** Makes an account unless a concurrent transaction just did. */
    void insertAccount(DbExecute tx, UUID id, AccountKind kind, UUID ownerId, String currency) {
        tx.insert("INSERT INTO commerce.accounts (id, kind, owner_id, currency) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                id, kind.name(), ownerId, currency);
    }

    Optional<UUID> find(DbExecute db, AccountKind kind, UUID ownerId) {
        return db.get("SELECT id FROM commerce.accounts WHERE kind = ? AND owner_id IS NOT DISTINCT FROM ?::uuid",
                kind.name(), ownerId).map(r -> Rows.uuid(r, "id"));
    }

    /** The balance kept on an owned account's row (0 when it does not exist yet). */
    long keptBalance(DbExecute db, AccountKind kind, UUID ownerId) {
        return db.get("SELECT balance FROM commerce.accounts WHERE kind = ? AND owner_id = ?", kind.name(), ownerId)
                .map(r -> Rows.number(r, "balance")).orElse(0L);
    }

    /** The balance of an owned account summed from its entries (0 when it does not exist yet). */
    long summedBalance(DbExecute db, AccountKind kind, UUID ownerId) {
        return db.get("""
                SELECT coalesce(sum(e.amount), 0) AS balance FROM commerce.accounts a
                  JOIN commerce.entries e ON e.account_id = a.id WHERE a.kind = ? AND a.owner_id = ?""",
                kind.name(), ownerId).map(r -> Rows.number(r, "balance")).orElse(0L);
    }

    /** A learner's wallet balance, its row locked until the transaction ends (0 when there is no wallet). */
    public long lockWalletBalance(DbExecute tx, UUID userId) {
        return tx.get("SELECT balance FROM commerce.accounts WHERE kind = 'WALLET' AND owner_id = ? FOR UPDATE",
                userId).map(r -> Rows.number(r, "balance")).orElse(0L);
    }

    /** An account's movements, newest first, before the entry {@code beforeEntry}. */
    List<Ledger.Movement> history(DbExecute db, UUID accountId, int limit, long beforeEntry, String currency) {
        try (var rows = db.query("""
                SELECT e.id AS entry_id, t.id, t.kind, e.amount, t.memo, t.created_at
                  FROM commerce.entries e JOIN commerce.transactions t ON t.id = e.transaction_id
                 WHERE e.account_id = ? AND e.id < ?
                 ORDER BY e.id DESC LIMIT ?""", accountId, beforeEntry, limit)) {
            return rows.map(r -> new Ledger.Movement(Rows.number(r, "entry_id"), new WalletTransaction(Rows.uuid(r, "id"),
                    Rows.text(r, "kind"), Rows.number(r, "amount"), currency, Rows.text(r, "memo"),
                    Rows.instant(r, "created_at")))).toList();
        }
    }

    /** Sums and counts over the whole ledger, for {@link Ledger#check}. */
    Totals totals(DbExecute db) {
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
                       AS negative""").map(r -> new Totals(Rows.number(r, "total"), Rows.number(r, "transactions"),
                Rows.number(r, "entries"), Rows.number(r, "unbalanced"), Rows.number(r, "drifted"),
                Rows.number(r, "negative"))).orElseThrow();
    }

    /** A person's accounts (data export). */
    public List<Map<String, Object>> exportAccounts(DbExecute db, UUID ownerId) {
        return Rows.maps(db, "SELECT id, kind, currency, balance, created_at FROM commerce.accounts "
                + "WHERE owner_id = ? ORDER BY kind", ownerId);
    }

    /** Every movement of a person's accounts, oldest first (data export). */
    public List<Map<String, Object>> exportMovements(DbExecute db, UUID ownerId) {
        return Rows.maps(db, """
                SELECT t.created_at, a.kind AS account, e.amount, a.currency, t.kind, t.memo, t.reference
                  FROM commerce.entries e JOIN commerce.accounts a ON a.id = e.account_id
                  JOIN commerce.transactions t ON t.id = e.transaction_id
                 WHERE a.owner_id = ? ORDER BY t.created_at, e.id""", ownerId);
    }

    /** The ledger transactions a person made happen (data export). */
    public List<Map<String, Object>> exportActions(DbExecute db, UUID actorId) {
        return Rows.maps(db, "SELECT id, kind, reference, memo, created_at FROM commerce.transactions "
                + "WHERE actor_id = ? ORDER BY created_at", actorId);
    }
}
