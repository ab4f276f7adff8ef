-- Append-only: every state change of every module, written in the transaction of the change.
-- Nothing updates or deletes its rows; insight and the ledger read from here.
CREATE TABLE event_log (
    id             UUID                     PRIMARY KEY,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    type           VARCHAR(64)              NOT NULL,
    case_id        UUID,
    application_id UUID,
    step           VARCHAR(64),
    organisation   VARCHAR(64),
    channel        VARCHAR(16),
    actor          VARCHAR(128),
    attributes     jsonb                    NOT NULL
);

CREATE INDEX event_log_case ON event_log (case_id);
CREATE INDEX event_log_type_time ON event_log (type, occurred_at);
