-- For `check`: the schema the sync works in; an embedded H2 database is its user's own.
SELECT CURRENT_SCHEMA, TRUE, TRUE
