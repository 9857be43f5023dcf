-- Data tables: the seed connector's names and keys, with account_id in every key (one token can see
-- several accounts). URLs, paths and JSON are unbounded text; _extra keeps attributes the mapping does
-- not know yet.

CREATE TABLE ${prefix}accounts (
    account_id               VARCHAR(64)  NOT NULL,
    name                     TEXT,
    timezone                 VARCHAR(64),
    subscription             VARCHAR(64),
    on_trial                 BOOLEAN,
    website_tracking_status  VARCHAR(64),
    _extra                   JSONB,
    _synced_at               TIMESTAMPTZ NOT NULL,
    _run_id                  VARCHAR(36)  NOT NULL,
    PRIMARY KEY (account_id)
);

CREATE TABLE ${prefix}visits (
    account_id          VARCHAR(64)  NOT NULL,
    visit_id            VARCHAR(64)  NOT NULL,
    lead_id             VARCHAR(255),
    location_id         VARCHAR(64),
    source              TEXT,
    medium              TEXT,
    referring_url       TEXT,
    landing_page_path   TEXT,
    keyword             TEXT,
    query_term          TEXT,
    campaign            TEXT,
    page_depth          INTEGER,
    visit_length        INTEGER,
    started_at          TIMESTAMPTZ,
    visit_date          DATE,
    visit_hour          INTEGER,
    lf_client_id        TEXT,
    ga_client_ids       JSONB,
    country_code        VARCHAR(8),
    device_type         VARCHAR(32),
    visitor_email       TEXT,
    visitor_first_name  TEXT,
    visitor_last_name   TEXT,
    _extra              JSONB,
    _synced_at          TIMESTAMPTZ NOT NULL,
    _run_id             VARCHAR(36)  NOT NULL,
    PRIMARY KEY (account_id, visit_id)
);

CREATE TABLE ${prefix}visit_routs (
    account_id          VARCHAR(64)  NOT NULL,
    visit_id            VARCHAR(64)  NOT NULL,
    page_number         INTEGER      NOT NULL,
    hostname            TEXT,
    page_path           TEXT,
    previous_page_path  TEXT,
    time_on_page        INTEGER,
    page_title          TEXT,
    page_url            TEXT,
    display_page_name   TEXT,
    _extra              JSONB,
    _synced_at          TIMESTAMPTZ NOT NULL,
    _run_id             VARCHAR(36)  NOT NULL,
    PRIMARY KEY (account_id, visit_id, page_number)
);

CREATE TABLE ${prefix}leads (
    account_id           VARCHAR(64)   NOT NULL,
    lead_id              VARCHAR(255)  NOT NULL,
    name                 TEXT,
    industry             TEXT,
    industries           JSONB,
    first_visit_date     DATE,
    last_visit_date      DATE,
    status               VARCHAR(64),
    website_url          TEXT,
    phone                TEXT,
    linkedin_url         TEXT,
    twitter_handle       TEXT,
    facebook_url         TEXT,
    employee_count       INTEGER,
    employees_range_min  INTEGER,
    employees_range_max  INTEGER,
    crm_lead_id          TEXT,
    crm_organization_id  TEXT,
    tags                 JSONB,
    logo_url             TEXT,
    assignee             TEXT,
    business_id          TEXT,
    revenue              TEXT,
    emailed_to           TEXT,
    view_in_leadfeeder   TEXT,
    visits               INTEGER,
    quality              INTEGER,
    location_id          VARCHAR(64),
    _extra               JSONB,
    _synced_at           TIMESTAMPTZ NOT NULL,
    _run_id              VARCHAR(36)   NOT NULL,
    PRIMARY KEY (account_id, lead_id)
);

CREATE TABLE ${prefix}locations (
    account_id    VARCHAR(64)  NOT NULL,
    location_id   VARCHAR(64)  NOT NULL,
    country       TEXT,
    country_code  VARCHAR(8),
    region        TEXT,
    region_code   VARCHAR(64),
    city          TEXT,
    state_code    VARCHAR(64),
    _extra        JSONB,
    _synced_at    TIMESTAMPTZ NOT NULL,
    _run_id       VARCHAR(36)  NOT NULL,
    PRIMARY KEY (account_id, location_id)
);

-- Sync state: Camel's JDBC idempotent repository of completed windows. One processor name per account
-- and stream; a message id is a window "from..to". Its column names are the ones Camel's
-- JdbcMessageIdRepository queries; the key is ours (Camel's own table would have none).
CREATE TABLE leadfeeder_completed_windows (
    processorName  VARCHAR(255) NOT NULL,
    messageId      VARCHAR(255) NOT NULL,
    createdAt      TIMESTAMP    NOT NULL,
    PRIMARY KEY (processorName, messageId)
);

-- The run log: one row per run.
CREATE TABLE leadfeeder_sync_runs (
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
    PRIMARY KEY (run_id)
);

-- Records that could not be mapped, kept whole with the reason, so nothing the API sent is lost.
CREATE TABLE leadfeeder_rejected_records (
    run_id       VARCHAR(36)  NOT NULL,
    stream       VARCHAR(32)  NOT NULL,
    account_id   VARCHAR(64)  NOT NULL,
    record_id    VARCHAR(255),
    reason       TEXT      NOT NULL,
    raw_json     TEXT,
    rejected_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX leadfeeder_rejected_records_run ON leadfeeder_rejected_records (run_id);

-- One row to lock while a sync runs, so two syncs never work on the same warehouse at once.
CREATE TABLE leadfeeder_sync_lock (
    name  VARCHAR(64) NOT NULL,
    PRIMARY KEY (name)
);
INSERT INTO leadfeeder_sync_lock (name) VALUES ('sync');
