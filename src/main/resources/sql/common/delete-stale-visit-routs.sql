-- A visit's route rows past its latest route's length (the route got shorter since it was last read):
-- the child rows mirror the parent's array. Run with the page's upserts, in its transaction.
DELETE FROM ${prefix}visit_routs
WHERE account_id = :#account_id AND visit_id = :#visit_id AND page_number > :#route_length
