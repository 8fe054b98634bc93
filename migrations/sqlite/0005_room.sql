-- The room: each workshop's short join code, and the device sessions of
-- people who joined with it (participants). Only token hashes are stored.
-- Kept in step with ../postgres/0005_….

CREATE TABLE room_codes (
    workshop_id TEXT PRIMARY KEY REFERENCES workshops (id),
    code        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE participant_sessions (
    token_hash     TEXT PRIMARY KEY,
    workshop_id    TEXT NOT NULL REFERENCES workshops (id),
    participant_id TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
