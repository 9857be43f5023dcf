-- The shared state's Flyway history, as Flyway made it (quoted lowercase), for the start-up check of its version.
SELECT "version", "success" FROM "leadfeeder_schema_history"
