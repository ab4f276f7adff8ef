-- Short status messages an organisation sends the applicant about its step of a case, shown on
-- the applicant's status page in time order. A member system may send an idempotency key, so that
-- a retried request is one update: unique per case and step where given (NULLs never clash).
CREATE TABLE case_update (
    id              UUID                     PRIMARY KEY,
    case_id         UUID                     NOT NULL REFERENCES case_file (id),
    step            VARCHAR(64)              NOT NULL,
    organisation    VARCHAR(64)              NOT NULL,
    round           INTEGER                  NOT NULL,
    message         VARCHAR(500)             NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(128)             NOT NULL,
    idempotency_key VARCHAR(200),
    CONSTRAINT case_update_key UNIQUE (case_id, step, idempotency_key)
);

CREATE INDEX case_update_case ON case_update (case_id, sent_at);
