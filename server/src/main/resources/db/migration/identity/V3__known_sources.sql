-- Addresses an account signed in from: the owner's, which the account-wide guessing caps do not close.
CREATE INDEX sessions_user_ip_idx ON sessions (user_id, ip, created_at);
