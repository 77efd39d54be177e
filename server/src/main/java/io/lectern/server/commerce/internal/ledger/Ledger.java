package io.lectern.server.commerce.internal.ledger;

import io.helidon.dbclient.DbExecute;
import io.lectern.model.commerce.LedgerCheck;
import io.lectern.model.commerce.WalletTransaction;
import io.lectern.server.platform.Ids;
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

    private final Ids ids;
    private final Clock clock;
    private final String currency;
    private final Map<AccountKind, UUID> systemAccounts = new ConcurrentHashMap<>();
    /** Ids of owned accounts made by earlier transactions (never this one's: a rollback could undo those). */
    private final Map<String, UUID> ownedAccounts = new ConcurrentHashMap<>();
    private final LedgerStore store = new LedgerStore();

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
                overdraftChecked(leg, () -> store.move(tx, leg.amount(), leg.accountId()));
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
        moved.forEach(leg -> store.addMove(writes, leg.amount(), leg.accountId()));
        UUID id = ids.next();
        store.addBooking(writes, id, kind, reference, actorId, memo, clock.instant(), ordered);
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
        var row = store.findAccount(tx, kind, ownerId);
        if (row.isPresent()) {
            UUID id = row.get().id();
            if (ownerId != null && !row.get().ours()) {
                ownedAccounts.put(kind.name() + ownerId, id);
            }
            return id;
        }
        store.insertAccount(tx, ids.next(), kind, ownerId, currency);
        return find(tx, kind, ownerId).orElseThrow();
    }

    public Optional<UUID> find(DbExecute db, AccountKind kind, UUID ownerId) {
        return store.find(db, kind, ownerId);
    }

    /** The balance of an owned account, kept on its row or summed from its entries (0 when it does not exist yet). */
    public long balance(DbExecute db, AccountKind kind, UUID ownerId) {
        if (!kind.tracked()) {
            return store.summedBalance(db, kind, ownerId);
        }
        return store.keptBalance(db, kind, ownerId);
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
        return store.history(db, accountId, limit, beforeEntry.orElse(Long.MAX_VALUE), currency);
    }

    /**
     * Checks the whole ledger: entries sum to zero, each transaction balances, kept balances match their entries, and
     * no balance that may not go negative (kept or summed) is below zero.
     */
    public LedgerCheck check(DbExecute db) {
        LedgerStore.Totals t = store.totals(db);
        return new LedgerCheck(t.total() == 0 && t.unbalanced() == 0 && t.drifted() == 0 && t.negative() == 0, t.total(),
                t.transactions(), t.entries(), t.unbalanced(), t.drifted(), t.negative(), clock.instant());
    }
}
