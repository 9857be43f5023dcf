-- Windows of one account and stream that were completed, as "from..to" keys.
SELECT messageId FROM ${state}completed_windows WHERE processorName = :processor_name
