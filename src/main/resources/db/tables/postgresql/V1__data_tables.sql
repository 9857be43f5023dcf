-- The data tables of one table prefix, each prefix with its own migration history
-- (${prefix}schema_history), so a new prefix on an existing warehouse gets its own tables. The seed
-- connector's names and keys, with account_id in every key (one token can see several accounts). URLs,
-- paths and JSON are unbounded text; _extra keeps attributes the mapping does not know yet; a /v1
-- engagement's event_type and has_met_goals are NULL in rows of the classic API.
-- A warehouse first migrated before the tables had a history of their own got them from
-- db/migration's V1 and V4, which make the same tables: its history starts at this version (baseline).

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
    event_type          VARCHAR(64),
    has_met_goals       BOOLEAN,
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
