-- The mandate lifecycle: the principal's name as the agent gave it (shown on the confirmation page),
-- and a unique confirmation token hash so that one token finds one mandate.
ALTER TABLE mandate ADD COLUMN principal_name VARCHAR(200);

CREATE UNIQUE INDEX mandate_confirm_token ON mandate (confirm_token_hash);
CREATE INDEX mandate_principal ON mandate (principal);

-- A mandate's history is read from the event log by the agent (the events' organisation) and type.
CREATE INDEX event_log_organisation_type ON event_log (organisation, type);
