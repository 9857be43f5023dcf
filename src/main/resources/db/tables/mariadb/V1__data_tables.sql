-- The data tables of one table prefix, each prefix with its own migration history
-- (${prefix}schema_history), so a new prefix on an existing warehouse gets its own tables. The seed
-- connector's names and keys, with account_id in every key (one token can see several accounts). URLs,
-- paths and JSON are unbounded text; _extra keeps attributes the mapping does not know yet; a /v1
-- engagement's event_type and has_met_goals are NULL in rows of the classic API.
-- A warehouse first migrated before the tables had a history of their own got them from
-- db/migration's V1 and V4, which make the same tables: its history starts at this version (baseline).

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
    event_type          VARCHAR(64),
    has_met_goals       BOOLEAN,
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
