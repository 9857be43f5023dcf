-- A session advisory lock: held until released or until the connection ends (a killed process frees it).
SELECT pg_try_advisory_lock(hashtext('leadfeeder-sync'))
