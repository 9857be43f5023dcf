-- A named instance's state, under its table prefix: each instance in a schema has its own (the
-- default instance keeps the warehouse-wide leadfeeder_* state of db/shared-state). The tables are those
-- of db/shared-state as they stand after its migrations.

-- Camel's JDBC idempotent repository of completed windows (see db/shared-state V1).
CREATE TABLE ${prefix}completed_windows (
    processorName  VARCHAR(255) NOT NULL,
    messageId      VARCHAR(255) NOT NULL,
    createdAt      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (processorName, messageId)
);

-- The run log: one row per run.
CREATE TABLE ${prefix}sync_runs (
    run_id            VARCHAR(36)  NOT NULL,
    mode              VARCHAR(16)  NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    ended_at          TIMESTAMPTZ,
    status            VARCHAR(16)  NOT NULL,
    requests          INTEGER      NOT NULL DEFAULT 0,
    retries           INTEGER      NOT NULL DEFAULT 0,
    rows_accounts     INTEGER      NOT NULL DEFAULT 0,
    rows_visits       INTEGER      NOT NULL DEFAULT 0,
    rows_visit_routs  INTEGER      NOT NULL DEFAULT 0,
    rows_leads        INTEGER      NOT NULL DEFAULT 0,
    rows_locations    INTEGER      NOT NULL DEFAULT 0,
    rejected          INTEGER      NOT NULL DEFAULT 0,
    warnings          TEXT,
    error             TEXT,
    node              VARCHAR(255),
    scheduled_for     TIMESTAMPTZ,
    api               VARCHAR(16),
    api_quota_used    INTEGER,
    table_prefix      VARCHAR(40),
    PRIMARY KEY (run_id)
);

-- Records that could not be mapped, kept whole with the reason, so nothing the API sent is lost.
CREATE TABLE ${prefix}rejected_records (
    run_id       VARCHAR(36)  NOT NULL,
    stream       VARCHAR(32)  NOT NULL,
    account_id   VARCHAR(64)  NOT NULL,
    record_id    VARCHAR(255),
    reason       TEXT NOT NULL,
    raw_json     TEXT,
    rejected_at  TIMESTAMPTZ NOT NULL,
    window_from  DATE,
    window_to    DATE
);
CREATE INDEX ${prefix}rejected_records_run ON ${prefix}rejected_records (run_id);

-- One row to lock while the instance syncs (H2; PostgreSQL and MariaDB lock by name).
CREATE TABLE ${prefix}sync_lock (
    name  VARCHAR(64) NOT NULL,
    PRIMARY KEY (name)
);
INSERT INTO ${prefix}sync_lock (name) VALUES ('sync');
