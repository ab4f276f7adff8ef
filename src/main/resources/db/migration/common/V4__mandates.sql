CREATE TABLE mandate (
    id                 UUID                     PRIMARY KEY,
    agent              VARCHAR(64)              NOT NULL REFERENCES organisation (code),
    principal          VARCHAR(128)             NOT NULL,
    services           jsonb                    NOT NULL,
    valid_from         DATE                     NOT NULL,
    valid_to           DATE,
    status             VARCHAR(16)              NOT NULL,
    confirm_token_hash VARCHAR(64),
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at       TIMESTAMP WITH TIME ZONE,
    revoked_at         TIMESTAMP WITH TIME ZONE,
    revoked_by         VARCHAR(16)
);

CREATE INDEX mandate_agent_principal ON mandate (agent, principal);
