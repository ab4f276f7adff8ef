-- One delivery per ready step of an organisation that receives work by push or pull.
CREATE TABLE delivery (
    id              UUID                     PRIMARY KEY,
    case_id         UUID                     NOT NULL,
    step            VARCHAR(64)              NOT NULL,
    organisation    VARCHAR(64)              NOT NULL,
    mode            VARCHAR(8)               NOT NULL,
    state           VARCHAR(16)              NOT NULL,
    payload         jsonb                    NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until     TIMESTAMP WITH TIME ZONE,
    leased_by       VARCHAR(64),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000),
    CONSTRAINT delivery_one_per_step UNIQUE (case_id, step)
);

CREATE INDEX delivery_due ON delivery (state, next_attempt_at);
CREATE INDEX delivery_organisation ON delivery (organisation, state);

CREATE TABLE delivery_attempt (
    delivery_id UUID                     NOT NULL REFERENCES delivery (id),
    attempt     INTEGER                  NOT NULL,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    result      VARCHAR(16)              NOT NULL,
    status_code INTEGER,
    error       VARCHAR(1000),
    duration_ms BIGINT                   NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);

CREATE TABLE delivery_outcome (
    delivery_id UUID                     PRIMARY KEY REFERENCES delivery (id),
    outcome     VARCHAR(16)              NOT NULL,
    body_hash   VARCHAR(64)              NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
