-- A named instance's state history, as Flyway made it (quoted lowercase), for the start-up check of its version.
SELECT "version", "success" FROM "${state}state_history"
