-- A session advisory lock: held until released or until the connection ends (a killed process frees it).
-- Its key is this warehouse (database and schema), so syncs into other schemas of the server never wait for it.
SELECT pg_try_advisory_lock(hashtext('${lock}'), hashtext(current_database() || '.' || COALESCE(current_schema(), '')))
