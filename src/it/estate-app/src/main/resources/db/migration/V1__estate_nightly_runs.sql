-- The estate's own schema, applied by Boot's Flyway from db/migration (the sync's migrations are elsewhere).
CREATE TABLE estate_nightly_runs (
    id       SERIAL PRIMARY KEY,
    outcome  TEXT NOT NULL,
    ran_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
