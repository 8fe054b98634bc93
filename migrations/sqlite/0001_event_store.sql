-- The event store: a registry of workshops, one append-only log per
-- workshop, and the idempotency records that make retried writes safe.
-- Kept in step with ../postgres/0001_event_store.sql (see ../README.md).

CREATE TABLE workshops (
    id          TEXT PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL
);

CREATE TABLE events (
    workshop_id TEXT    NOT NULL REFERENCES workshops (id),
    seq         INTEGER NOT NULL CHECK (seq > 0),
    kind        TEXT    NOT NULL,
    actor       TEXT    NOT NULL,  -- JSON
    payload     TEXT    NOT NULL,  -- JSON; amounts as decimal strings
    recorded_at TEXT    NOT NULL,
    PRIMARY KEY (workshop_id, seq)
) WITHOUT ROWID;

CREATE TABLE idempotency (
    workshop_id     TEXT    NOT NULL REFERENCES workshops (id),
    idempotency_key TEXT    NOT NULL,
    version         INTEGER NOT NULL,  -- the workshop's version after the command
    recorded_at     TEXT    NOT NULL,
    PRIMARY KEY (workshop_id, idempotency_key)
) WITHOUT ROWID;

CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
CREATE TRIGGER idempotency_refuse_update BEFORE UPDATE ON idempotency
BEGIN SELECT RAISE(ABORT, 'idempotency records are append-only'); END;
CREATE TRIGGER idempotency_refuse_delete BEFORE DELETE ON idempotency
BEGIN SELECT RAISE(ABORT, 'idempotency records are append-only'); END;

CREATE TABLE accounts (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
