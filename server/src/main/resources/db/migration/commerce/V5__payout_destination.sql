-- Where a payout goes, as the instructor had it when they asked (encrypted like payout_accounts.details_encrypted):
-- the admin pays to that, even if the account changes before the transfer.
ALTER TABLE payouts ADD COLUMN destination_encrypted bytea;
UPDATE payouts p SET destination_encrypted = a.details_encrypted
  FROM payout_accounts a WHERE a.instructor_id = p.instructor_id AND p.status IN ('REQUESTED', 'APPROVED');
