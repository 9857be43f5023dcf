SELECT pg_advisory_unlock(hashtext('${lock}'), hashtext(current_database() || '.' || COALESCE(current_schema(), '')))
