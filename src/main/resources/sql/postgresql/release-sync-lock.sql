SELECT pg_advisory_unlock(hashtext('leadfeeder-sync'), hashtext(current_database() || '.' || COALESCE(current_schema(), '')))
