-- Read-only API tokens for a workshop's exports (only hashes are stored).
-- Kept in step with ../postgres/0004_api_tokens.sql.

CREATE TABLE api_tokens (
    id          TEXT PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    workshop_id TEXT NOT NULL REFERENCES workshops (id),
    account_id  TEXT NOT NULL REFERENCES accounts (id),
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);
