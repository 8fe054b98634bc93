-- Trust: idempotency records bound to who sent what, failed attempts
-- counted atomically, one-time password links, and the hash chain of each
-- workshop's log. Kept in step with ../sqlite/0006_trust.sql.

-- SHA-256 of the actor and the command that first used the key. NULL on
-- records written before this migration: those keep answering as before.
ALTER TABLE idempotency ADD COLUMN request_hash TEXT;

-- Guesses in flight and failed ones (sign-in per account, room codes per
-- client address). A row is written before the guess is checked and
-- removed when it was right, so parallel guesses cannot all pass the count.
CREATE TABLE attempts (
    id      BIGSERIAL PRIMARY KEY,
    scope   TEXT NOT NULL,
    subject TEXT NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX attempts_by_subject ON attempts (scope, subject, at);

-- One-time links to set one's own password (a facilitator added by a
-- colleague). Only the token's hash is stored.
CREATE TABLE password_links (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    created_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

-- hash(seq) = SHA-256(hash(seq - 1), the event as stored): editing,
-- deleting or reordering stored events breaks the chain (roundtable verify).
CREATE TABLE event_chain (
    workshop_id TEXT   NOT NULL REFERENCES workshops (id),
    seq         BIGINT NOT NULL CHECK (seq > 0),
    hash        TEXT   NOT NULL,
    PRIMARY KEY (workshop_id, seq)
);

CREATE TRIGGER event_chain_append_only BEFORE UPDATE OR DELETE ON event_chain
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER event_chain_no_truncate BEFORE TRUNCATE ON event_chain
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
