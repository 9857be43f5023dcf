-- The timezone of every account the warehouse knows, for lag figures in the account's own days.
SELECT account_id, timezone FROM ${prefix}accounts
