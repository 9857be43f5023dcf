-- Locks the sync's row for the rest of this transaction; a second sync waits LOCK_TIMEOUT, then fails.
SELECT name FROM ${state}sync_lock WHERE name = 'sync' FOR UPDATE
