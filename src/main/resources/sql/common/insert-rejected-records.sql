-- Records that could not be mapped, with their raw JSON and the reason.
INSERT INTO leadfeeder_rejected_records (run_id, stream, account_id, record_id, reason, raw_json, rejected_at)
VALUES (:#run_id, :#stream, :#account_id, :#record_id, :#reason, :#raw_json, :#rejected_at)
