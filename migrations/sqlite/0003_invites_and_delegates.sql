-- Invite links for organisations' delegates (only token hashes are stored)
-- and delegates' device sessions. Kept in step with ../postgres/0003_….

CREATE TABLE invites (
    token_hash      TEXT PRIMARY KEY,
    workshop_id     TEXT NOT NULL REFERENCES workshops (id),
    organisation_id TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    revoked_at      TEXT
);
CREATE INDEX invites_by_organisation ON invites (workshop_id, organisation_id);

CREATE TABLE delegate_sessions (
    token_hash      TEXT PRIMARY KEY,
    workshop_id     TEXT NOT NULL REFERENCES workshops (id),
    organisation_id TEXT NOT NULL,
    delegate_id     TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
