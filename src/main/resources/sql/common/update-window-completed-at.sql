-- When a window was last completed: Camel's repository stamps it when first added only, and a window
-- read again (today's, on every run) is only as fresh as its latest read. In the page's transaction.
UPDATE ${state}completed_windows SET createdAt = :completed_at
WHERE processorName = :processor_name AND messageId = :message_id
