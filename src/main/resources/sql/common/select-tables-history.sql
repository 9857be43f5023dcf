-- The data tables' Flyway history, as Flyway made it (quoted lowercase), for the start-up check of its version.
SELECT "version", "success" FROM "${prefix}schema_history"
