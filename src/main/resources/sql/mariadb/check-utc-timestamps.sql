-- How the session stores instants: a bound OffsetDateTime and a bound java.sql.Timestamp of one instant
-- (the driver converts both), and a winter and a summer wall time (the session's time zone converts
-- them); in a UTC session with a UTC-converting driver each is the epoch second it names.
SELECT UNIX_TIMESTAMP(?), UNIX_TIMESTAMP(?), UNIX_TIMESTAMP('2025-01-15 12:00:00'), UNIX_TIMESTAMP('2025-07-15 12:00:00')
