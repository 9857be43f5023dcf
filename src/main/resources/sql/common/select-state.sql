-- Every completed window, for `status`.
SELECT processorName AS processor_name, messageId AS window_key, createdAt AS completed_at
FROM ${state}completed_windows
ORDER BY processorName, messageId
