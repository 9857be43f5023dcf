-- Data tables: the seed connector's names and keys, with account_id in every key (one token can see
-- several accounts). URLs, paths and JSON are unbounded text; _extra keeps attributes the mapping does
-- not know yet.

CREATE TABLE ${prefix}accounts (
    account_id               VARCHAR(64)  NOT NULL,
    name                     VARCHAR,
    timezone                 VARCHAR(64),
    subscription             VARCHAR(64),
    on_trial                 BOOLEAN,
    website_tracking_status  VARCHAR(64),
    _extra                   VARCHAR,
    _synced_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    _run_id                  VARCHAR(36)  NOT NULL,
    PRIMARY KEY (account_id)
);

CREATE TABLE ${prefix}visits (
    account_id          VARCHAR(64)  NOT NULL,
    visit_id            VARCHAR(64)  NOT NULL,
    lead_id             VARCHAR(255),
    location_id         VARCHAR(64),
    source              VARCHAR,
    medium              VARCHAR,
    referring_url       VARCHAR,
    landing_page_path   VARCHAR,
    keyword             VARCHAR,
    query_term          VARCHAR,
    campaign            VARCHAR,
    page_depth          INTEGER,
    visit_length        INTEGER,
    started_at          TIMESTAMP WITH TIME ZONE,
    visit_date          DATE,
    visit_hour          INTEGER,
    lf_client_id        VARCHAR,
    ga_client_ids       VARCHAR,
    country_code        VARCHAR(8),
    device_type         VARCHAR(32),
    visitor_email       VARCHAR,
    visitor_first_name  VARCHAR,
    visitor_last_name   VARCHAR,
    _extra              VARCHAR,
    _synced_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    _run_id             VARCHAR(36)  NOT NULL,
    PRIMARY KEY (account_id, visit_id)
);

CREATE TABLE ${prefix}visit_routs (
    account_id          VARCHAR(64)  NOT NULL,
    visit_id            VARCHAR(64)  NOT NULL,
    page_number         INTEGER      NOT NULL,
    hostname            VARCHAR,
    page_path           VARCHAR,
    previous_page_path  VARCHAR,
    time_on_page        INTEGER,
    page_title          VARCHAR,
    page_url            VARCHAR,
    display_page_name   VARCHAR,
    _extra              VARCHAR,
    _synced_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    _run_id             VARCHAR(36)  NOT NULL,
    PRIMARY KEY (account_id, visit_id, page_number)
);

CREATE TABLE ${prefix}leads (
    account_id           VARCHAR(64)   NOT NULL,
    lead_id              VARCHAR(255)  NOT NULL,
    name                 VARCHAR,
    industry             VARCHAR,
    industries           VARCHAR,
    first_visit_date     DATE,
    last_visit_date      DATE,
    status               VARCHAR(64),
    website_url          VARCHAR,
    phone                VARCHAR,
    linkedin_url         VARCHAR,
    twitter_handle       VARCHAR,
    facebook_url         VARCHAR,
    employee_count       INTEGER,
    employees_range_min  INTEGER,
    employees_range_max  INTEGER,
    crm_lead_id          VARCHAR,
    crm_organization_id  VARCHAR,
    tags                 VARCHAR,
    logo_url             VARCHAR,
    assignee             VARCHAR,
    business_id          VARCHAR,
    revenue              VARCHAR,
    emailed_to           VARCHAR,
    view_in_leadfeeder   VARCHAR,
    visits               INTEGER,
    quality              INTEGER,
    location_id          VARCHAR(64),
    _extra               VARCHAR,
    _synced_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    _run_id              VARCHAR(36)   NOT NULL,
    PRIMARY KEY (account_id, lead_id)
);

CREATE TABLE ${prefix}locations (
    account_id    VARCHAR(64)  NOT NULL,
    location_id   VARCHAR(64)  NOT NULL,
    country       VARCHAR,
    country_code  VARCHAR(8),
    region        VARCHAR,
    region_code   VARCHAR(64),
    city          VARCHAR,
    state_code    VARCHAR(64),
    _extra        VARCHAR,
    _synced_at    TIMESTAMP WITH TIME ZONE NOT NULL,
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
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at          TIMESTAMP WITH TIME ZONE,
    status            VARCHAR(16)  NOT NULL,
    requests          INTEGER      NOT NULL DEFAULT 0,
    retries           INTEGER      NOT NULL DEFAULT 0,
    rows_accounts     INTEGER      NOT NULL DEFAULT 0,
    rows_visits       INTEGER      NOT NULL DEFAULT 0,
    rows_visit_routs  INTEGER      NOT NULL DEFAULT 0,
    rows_leads        INTEGER      NOT NULL DEFAULT 0,
    rows_locations    INTEGER      NOT NULL DEFAULT 0,
    rejected          INTEGER      NOT NULL DEFAULT 0,
    warnings          VARCHAR,
    error             VARCHAR,
    PRIMARY KEY (run_id)
);

-- Records that could not be mapped, kept whole with the reason, so nothing the API sent is lost.
CREATE TABLE leadfeeder_rejected_records (
    run_id       VARCHAR(36)  NOT NULL,
    stream       VARCHAR(32)  NOT NULL,
    account_id   VARCHAR(64)  NOT NULL,
    record_id    VARCHAR(255),
    reason       VARCHAR      NOT NULL,
    raw_json     CHARACTER LARGE OBJECT,
    rejected_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX leadfeeder_rejected_records_run ON leadfeeder_rejected_records (run_id);

-- One row to lock while a sync runs, so two syncs never work on the same warehouse at once.
CREATE TABLE leadfeeder_sync_lock (
    name  VARCHAR(64) NOT NULL,
    PRIMARY KEY (name)
);
INSERT INTO leadfeeder_sync_lock (name) VALUES ('sync');
