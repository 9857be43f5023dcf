SELECT pg_advisory_unlock(hashtext('leadfeeder-sync'))
