CREATE TABLE case_file (
    id           UUID                     PRIMARY KEY REFERENCES application (id),
    reference    VARCHAR(16)              NOT NULL,
    service_id   UUID                     NOT NULL,
    service_code VARCHAR(64)              NOT NULL,
    status       VARCHAR(16)              NOT NULL,
    opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE case_step (
    case_id      UUID                     NOT NULL REFERENCES case_file (id),
    step         VARCHAR(64)              NOT NULL,
    position     INTEGER                  NOT NULL,
    name         VARCHAR(200)             NOT NULL,
    organisation VARCHAR(64)              NOT NULL,
    state        VARCHAR(16)              NOT NULL,
    depends_on   jsonb                    NOT NULL,
    ready_at     TIMESTAMP WITH TIME ZONE,
    started_at   TIMESTAMP WITH TIME ZONE,
    ended_at     TIMESTAMP WITH TIME ZONE,
    deadline     TIMESTAMP WITH TIME ZONE,
    overdue_at   TIMESTAMP WITH TIME ZONE,
    output       jsonb,
    reason       VARCHAR(2000),
    PRIMARY KEY (case_id, step)
);

CREATE INDEX case_step_work ON case_step (organisation, state);
CREATE INDEX case_step_deadline ON case_step (state, deadline);
