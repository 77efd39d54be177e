-- Each ledger transaction's entries are written by one statement (Ledger.post), so the balance rule is checked per
-- statement over the rows it inserted (one trigger run per posting) instead of once per entry at commit: a
-- statement whose new entries do not sum to zero for some transaction fails at once. The rule only got stricter:
-- entries added later to a transaction must balance among themselves too.
DROP TRIGGER entries_balanced ON entries;
DROP FUNCTION check_balanced();
CREATE FUNCTION check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unbalanced uuid;
BEGIN
    SELECT transaction_id INTO unbalanced FROM new_entries GROUP BY transaction_id HAVING sum(amount) <> 0 LIMIT 1;
    IF unbalanced IS NOT NULL THEN
        RAISE EXCEPTION 'ledger transaction % does not balance', unbalanced;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER entries_balanced AFTER INSERT ON entries REFERENCING NEW TABLE AS new_entries
    FOR EACH STATEMENT EXECUTE FUNCTION check_balanced();
