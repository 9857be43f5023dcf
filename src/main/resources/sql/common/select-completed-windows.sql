-- Windows of one account and stream that were completed, as "from..to" keys, and when each was last read.
SELECT messageId AS window_key, createdAt AS completed_at FROM ${state}completed_windows WHERE processorName = :processor_name
