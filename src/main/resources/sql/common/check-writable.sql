-- For `check`: statements that need the privileges a sync uses on one of its tables and change nothing
-- (no row matches); run in a transaction that is rolled back. ${table} is one of the sync's own tables,
-- ${column} its first column as the first statement reads it; never values.
SELECT * FROM ${table} WHERE 1 = 0;
INSERT INTO ${table} SELECT * FROM ${table} WHERE 1 = 0;
UPDATE ${table} SET ${column} = ${column} WHERE 1 = 0;
DELETE FROM ${table} WHERE 1 = 0
