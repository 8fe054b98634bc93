-- The event store: a registry of workshops, one append-only log per
-- workshop, and the idempotency records that make retried writes safe.
-- Kept in step with ../sqlite/0001_event_store.sql (see ../README.md).

CREATE TABLE workshops (
    id          TEXT PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE events (
    workshop_id TEXT   NOT NULL REFERENCES workshops (id),
    seq         BIGINT NOT NULL CHECK (seq > 0),
    kind        TEXT   NOT NULL,
    actor       TEXT   NOT NULL,  -- JSON
    payload     TEXT   NOT NULL,  -- JSON; amounts as decimal strings
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workshop_id, seq)
);

CREATE TABLE idempotency (
    workshop_id     TEXT   NOT NULL REFERENCES workshops (id),
    idempotency_key TEXT   NOT NULL,
    version         BIGINT NOT NULL,  -- the workshop's version after the command
    recorded_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (workshop_id, idempotency_key)
);

CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER idempotency_append_only BEFORE UPDATE OR DELETE ON idempotency
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER idempotency_no_truncate BEFORE TRUNCATE ON idempotency
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

CREATE TABLE accounts (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);
