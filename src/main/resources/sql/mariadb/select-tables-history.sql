-- The data tables' Flyway history, as Flyway made it (backquoted), for the start-up check of its version.
SELECT `version`, `success` FROM `${prefix}schema_history`
