-- Records that could not be mapped, with their raw JSON, the reason and the window they were read in.
INSERT INTO ${state}rejected_records (run_id, stream, account_id, record_id, reason, raw_json, rejected_at, window_from, window_to)
VALUES (:#run_id, :#stream, :#account_id, :#record_id, :#reason, :#raw_json, :#rejected_at, :#window_from, :#window_to)
