CREATE TABLE service_version (
    id          UUID                     PRIMARY KEY,
    code        VARCHAR(64)              NOT NULL,
    version     INTEGER                  NOT NULL,
    name        VARCHAR(200)             NOT NULL,
    description VARCHAR(4000),
    status      VARCHAR(16)              NOT NULL,
    -- text, not jsonb: PostgreSQL's jsonb reorders object keys, and a form's questions keep the order written
    form        VARCHAR(1000000)         NOT NULL,
    steps       VARCHAR(1000000)         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_version_code_version UNIQUE (code, version)
);
