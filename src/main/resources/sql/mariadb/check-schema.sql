-- For `check`: the database the sync works in, that it exists (the connection names it), and whether
-- the user may create tables in it (granted globally or on the database; grants through roles are not read).
SELECT DATABASE(), TRUE,
       EXISTS (SELECT 1 FROM information_schema.USER_PRIVILEGES WHERE PRIVILEGE_TYPE = 'CREATE')
       OR EXISTS (SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES WHERE TABLE_SCHEMA = DATABASE() AND PRIVILEGE_TYPE = 'CREATE')
