-- Sign-in sessions (only a hash of the token is stored) and the audit trail
-- of security events. Kept in step with ../sqlite/0002_sessions_and_audit.sql.

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL REFERENCES accounts (id),
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit (
    id      BIGSERIAL PRIMARY KEY,
    at      TIMESTAMPTZ NOT NULL,
    kind    TEXT NOT NULL,
    subject TEXT NOT NULL,  -- whom it concerns: an account's email, a workshop's slug
    detail  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_subject ON audit (kind, subject, at);

CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
