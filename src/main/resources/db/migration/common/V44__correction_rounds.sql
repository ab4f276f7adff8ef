-- An organisation may send a step back to the applicant for correction: the step waits in
-- CORRECTION_REQUESTED (longer than the old 16 characters) with the fields asked, and becomes
-- ready again, in a new round, once the applicant has corrected the answers.
ALTER TABLE case_step ALTER COLUMN state SET DATA TYPE VARCHAR(32);
ALTER TABLE case_step ADD COLUMN round INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE case_step ADD COLUMN correction_asked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_step ADD COLUMN correction_fields jsonb;

-- Each readiness of a step gets its own delivery: one per (case, step, round).
ALTER TABLE delivery ADD COLUMN round INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE delivery DROP CONSTRAINT delivery_one_per_step;
ALTER TABLE delivery ADD CONSTRAINT delivery_one_per_round UNIQUE (case_id, step, round);

-- The answers an application had before each correction; the application row holds the latest.
CREATE TABLE application_revision (
    application_id UUID                     NOT NULL REFERENCES application (id),
    revision       INTEGER                  NOT NULL,
    form           jsonb                    NOT NULL,
    replaced_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    replaced_by    VARCHAR(128)             NOT NULL,
    PRIMARY KEY (application_id, revision)
);
