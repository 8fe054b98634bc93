-- Sign-in sessions (only a hash of the token is stored) and the audit trail
-- of security events. Kept in step with ../postgres/0002_sessions_and_audit.sql.

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL REFERENCES accounts (id),
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);

CREATE TABLE audit (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    kind    TEXT NOT NULL,
    subject TEXT NOT NULL,  -- whom it concerns: an account's email, a workshop's slug
    detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_subject ON audit (kind, subject, at);

CREATE TRIGGER audit_refuse_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_refuse_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
