CREATE TABLE application (
    id              UUID                     PRIMARY KEY,
    reference       VARCHAR(16)              NOT NULL UNIQUE,
    service_id      UUID                     NOT NULL REFERENCES service_version (id),
    service_code    VARCHAR(64)              NOT NULL,
    service_version INTEGER                  NOT NULL,
    principal_kind  VARCHAR(16)              NOT NULL,
    principal_id    VARCHAR(64)              NOT NULL,
    principal_name  VARCHAR(200)             NOT NULL,
    form            jsonb                    NOT NULL,
    channel         VARCHAR(16)              NOT NULL,
    agent           VARCHAR(64),
    actor           VARCHAR(128)             NOT NULL,
    idempotency_key VARCHAR(200),
    request_hash    VARCHAR(64),
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT application_idempotency UNIQUE (actor, idempotency_key)
);

-- Secrets the platform derives applicants' access codes from; generated on first use.
CREATE TABLE platform_secret (
    name   VARCHAR(64)  PRIMARY KEY,
    secret VARCHAR(128) NOT NULL
);
