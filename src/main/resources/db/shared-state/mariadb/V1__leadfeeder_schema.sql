-- Data tables: the seed connector's names and keys, with account_id in every key (one token can see
-- several accounts). URLs, paths and JSON are unbounded text; _extra keeps attributes the mapping does
-- not know yet.

CREATE TABLE ${prefix}accounts (
    account_id               VARCHAR(64)  NOT NULL,
    name                     LONGTEXT,
    timezone                 VARCHAR(64),
    subscription             VARCHAR(64),
    on_trial                 BOOLEAN,
    website_tracking_status  VARCHAR(64),
    _extra                   JSON,
    _synced_at               TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    _run_id                  VARCHAR(36)  NOT NULL,
    PRIMARY KEY (account_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}visits (
    account_id          VARCHAR(64)  NOT NULL,
    visit_id            VARCHAR(64)  NOT NULL,
    lead_id             VARCHAR(255),
    location_id         VARCHAR(64),
    source              LONGTEXT,
    medium              LONGTEXT,
    referring_url       LONGTEXT,
    landing_page_path   LONGTEXT,
    keyword             LONGTEXT,
    query_term          LONGTEXT,
    campaign            LONGTEXT,
    page_depth          INTEGER,
    visit_length        INTEGER,
    started_at          TIMESTAMP(3) NULL DEFAULT NULL,
    visit_date          DATE,
    visit_hour          INTEGER,
    lf_client_id        LONGTEXT,
    ga_client_ids       JSON,
    country_code        VARCHAR(8),
    device_type         VARCHAR(32),
    visitor_email       LONGTEXT,
    visitor_first_name  LONGTEXT,
    visitor_last_name   LONGTEXT,
    _extra              JSON,
    _synced_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    _run_id             VARCHAR(36)  NOT NULL,
    PRIMARY KEY (account_id, visit_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}visit_routs (
    account_id          VARCHAR(64)  NOT NULL,
    visit_id            VARCHAR(64)  NOT NULL,
    page_number         INTEGER      NOT NULL,
    hostname            LONGTEXT,
    page_path           LONGTEXT,
    previous_page_path  LONGTEXT,
    time_on_page        INTEGER,
    page_title          LONGTEXT,
    page_url            LONGTEXT,
    display_page_name   LONGTEXT,
    _extra              JSON,
    _synced_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    _run_id             VARCHAR(36)  NOT NULL,
    PRIMARY KEY (account_id, visit_id, page_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}leads (
    account_id           VARCHAR(64)   NOT NULL,
    lead_id              VARCHAR(255)  NOT NULL,
    name                 LONGTEXT,
    industry             LONGTEXT,
    industries           JSON,
    first_visit_date     DATE,
    last_visit_date      DATE,
    status               VARCHAR(64),
    website_url          LONGTEXT,
    phone                LONGTEXT,
    linkedin_url         LONGTEXT,
    twitter_handle       LONGTEXT,
    facebook_url         LONGTEXT,
    employee_count       INTEGER,
    employees_range_min  INTEGER,
    employees_range_max  INTEGER,
    crm_lead_id          LONGTEXT,
    crm_organization_id  LONGTEXT,
    tags                 JSON,
    logo_url             LONGTEXT,
    assignee             LONGTEXT,
    business_id          LONGTEXT,
    revenue              LONGTEXT,
    emailed_to           LONGTEXT,
    view_in_leadfeeder   LONGTEXT,
    visits               INTEGER,
    quality              INTEGER,
    location_id          VARCHAR(64),
    _extra               JSON,
    _synced_at           TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    _run_id              VARCHAR(36)   NOT NULL,
    PRIMARY KEY (account_id, lead_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE ${prefix}locations (
    account_id    VARCHAR(64)  NOT NULL,
    location_id   VARCHAR(64)  NOT NULL,
    country       LONGTEXT,
    country_code  VARCHAR(8),
    region        LONGTEXT,
    region_code   VARCHAR(64),
    city          LONGTEXT,
    state_code    VARCHAR(64),
    _extra        JSON,
    _synced_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    _run_id       VARCHAR(36)  NOT NULL,
    PRIMARY KEY (account_id, location_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Sync state: Camel's JDBC idempotent repository of completed windows. One processor name per account
-- and stream; a message id is a window "from..to". Its column names are the ones Camel's
-- JdbcMessageIdRepository queries; the key is ours (Camel's own table would have none).
CREATE TABLE leadfeeder_completed_windows (
    processorName  VARCHAR(255) NOT NULL,
    messageId      VARCHAR(255) NOT NULL,
    createdAt      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (processorName, messageId)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The run log: one row per run.
CREATE TABLE leadfeeder_sync_runs (
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
    PRIMARY KEY (run_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Records that could not be mapped, kept whole with the reason, so nothing the API sent is lost.
CREATE TABLE leadfeeder_rejected_records (
    run_id       VARCHAR(36)  NOT NULL,
    stream       VARCHAR(32)  NOT NULL,
    account_id   VARCHAR(64)  NOT NULL,
    record_id    VARCHAR(255),
    reason       LONGTEXT      NOT NULL,
    raw_json     LONGTEXT,
    rejected_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE INDEX leadfeeder_rejected_records_run ON leadfeeder_rejected_records (run_id);

-- One row to lock while a sync runs, so two syncs never work on the same warehouse at once.
CREATE TABLE leadfeeder_sync_lock (
    name  VARCHAR(64) NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO leadfeeder_sync_lock (name) VALUES ('sync');
