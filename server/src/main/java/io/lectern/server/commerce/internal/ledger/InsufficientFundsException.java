package io.lectern.server.commerce.internal.ledger;

import java.util.UUID;

/** A posting would take a wallet or an earnings account below zero; the transaction it ran in must roll back. */
public final class InsufficientFundsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InsufficientFundsException(UUID accountId) {
        super("account " + accountId + " would go below zero", null, false, false);
    }
}
