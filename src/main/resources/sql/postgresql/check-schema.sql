-- For `check`: the schema the sync works in (the first of the search path when it does not exist
-- yet), whether it exists, and whether the role may create what the first sync creates there.
SELECT COALESCE(current_schema(), trim(both ' "' from split_part(current_setting('search_path'), ',', 1))),
       current_schema() IS NOT NULL,
       CASE WHEN current_schema() IS NULL THEN has_database_privilege(current_database(), 'CREATE')
            ELSE has_schema_privilege(current_schema(), 'CREATE') END
