-- A named instance's state, under its table prefix: each instance in a schema has its own (the
-- default instance keeps the warehouse-wide leadfeeder_* state of db/shared-state). The tables are those
-- of db/shared-state as they stand after its migrations.

-- Camel's JDBC idempotent repository of completed windows (see db/shared-state V1).
CREATE TABLE ${prefix}completed_windows (
    processorName  VARCHAR(255) NOT NULL,
    messageId      VARCHAR(255) NOT NULL,
    createdAt      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (processorName, messageId)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The run log: one row per run.
CREATE TABLE ${prefix}sync_runs (
    run_id            VARCHAR(36)  NOT NULL,
    mode              VARCHAR(16)  NOT NULL,
    started_at        TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    ended_at          TIMESTAMP(3) NULL DEFAULT NULL,
    status            VARCHAR(16)  NOT NULL,
    requests          INTEGER      NOT NULL DEFAULT 0,
    retries           INTEGER      NOT NULL DEFAULT 0,
    rows_accounts     INTEGER      NOT NULL DEFAULT 0,
    rows_visits       INTEGER      NOT NULL DEFAULT 0,
    rows_visit_routs  INTEGER      NOT NULL DEFAULT 0,
    rows_leads        INTEGER      NOT NULL DEFAULT 0,
    rows_locations    INTEGER      NOT NULL DEFAULT 0,
    rejected          INTEGER      NOT NULL DEFAULT 0,
    warnings          LONGTEXT,
    error             LONGTEXT,
    node              VARCHAR(255),
    scheduled_for     TIMESTAMP(3) NULL DEFAULT NULL,
    api               VARCHAR(16),
    api_quota_used    INTEGER,
    table_prefix      VARCHAR(40),
    PRIMARY KEY (run_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Records that could not be mapped, kept whole with the reason, so nothing the API sent is lost.
CREATE TABLE ${prefix}rejected_records (
    run_id       VARCHAR(36)  NOT NULL,
    stream       VARCHAR(32)  NOT NULL,
    account_id   VARCHAR(64)  NOT NULL,
    record_id    VARCHAR(255),
    reason       LONGTEXT NOT NULL,
    raw_json     LONGTEXT,
    rejected_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    window_from  DATE,
    window_to    DATE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX ${prefix}rejected_records_run ON ${prefix}rejected_records (run_id);

-- One row to lock while the instance syncs (H2; PostgreSQL and MariaDB lock by name).
CREATE TABLE ${prefix}sync_lock (
    name  VARCHAR(64) NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO ${prefix}sync_lock (name) VALUES ('sync');
