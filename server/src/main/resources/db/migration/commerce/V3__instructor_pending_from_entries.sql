-- An instructor's pending earnings are summed from their entries from now on instead of kept on the account row:
-- every sale of a course moved that one row, so concurrent sales of a popular course queued on its lock. Pending
-- money still cannot go negative: each debit (release after the refund window, or a refund) takes one PENDING
-- earnings row under lock and moves it on, once. The stale kept figure is cleared so nobody reads it.
UPDATE accounts SET balance = 0 WHERE kind = 'INSTRUCTOR_PENDING';
ALTER TABLE accounts DROP CONSTRAINT accounts_no_overdraft;
ALTER TABLE accounts ADD CONSTRAINT accounts_no_overdraft
    CHECK (kind NOT IN ('WALLET', 'INSTRUCTOR_AVAILABLE', 'INSTRUCTOR_PAYOUT_HOLD') OR balance >= 0);
ALTER TABLE accounts ADD CONSTRAINT accounts_pending_not_kept CHECK (kind <> 'INSTRUCTOR_PENDING' OR balance = 0);
