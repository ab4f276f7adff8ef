-- Insight reads event_log once, in id order, and keeps small tables that the dashboards query.
-- Nothing here is the truth: every row can be rebuilt by emptying these tables and reading the
-- log again from the start.

-- How far each reader has read the log (the id of the last event it took in).
CREATE TABLE insight_position (
    reader     VARCHAR(32)              PRIMARY KEY,
    last_id    UUID                     NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Portal journeys already counted as started, so that a resumed journey is not a new start.
CREATE TABLE insight_journey (
    journey VARCHAR(64) PRIMARY KEY
);

-- One row per case: what later events need to know about it (service, channel), until it ends.
CREATE TABLE insight_case (
    case_id      UUID                     PRIMARY KEY,
    service      VARCHAR(64)              NOT NULL,
    channel      VARCHAR(16)              NOT NULL,
    submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE,
    outcome      VARCHAR(16)
);

-- One row per step of a case: the facts its durations are measured from.
CREATE TABLE insight_step (
    case_id      UUID                     NOT NULL,
    step         VARCHAR(64)              NOT NULL,
    organisation VARCHAR(64)              NOT NULL,
    ready_at     TIMESTAMP WITH TIME ZONE,
    started_at   TIMESTAMP WITH TIME ZONE,
    ended_at     TIMESTAMP WITH TIME ZONE,
    deadline     TIMESTAMP WITH TIME ZONE,
    outcome      VARCHAR(16),
    rejections   INTEGER                  NOT NULL,
    overdue      BOOLEAN                  NOT NULL,
    PRIMARY KEY (case_id, step)
);

-- Service KPIs: counts per service, day and channel. Starts count on the day they start,
-- completions on the day the case ends, answers on the day they are given.
CREATE TABLE insight_daily (
    service   VARCHAR(64) NOT NULL,
    on_day       DATE        NOT NULL,
    channel   VARCHAR(16) NOT NULL,
    started   BIGINT      NOT NULL,
    completed BIGINT      NOT NULL,
    rejected  BIGINT      NOT NULL,
    withdrawn BIGINT      NOT NULL,
    sat1      BIGINT      NOT NULL,
    sat2      BIGINT      NOT NULL,
    sat3      BIGINT      NOT NULL,
    sat4      BIGINT      NOT NULL,
    sat5      BIGINT      NOT NULL,
    PRIMARY KEY (service, on_day, channel)
);

-- Process metrics: the ended steps of ended cases per service, step, organisation, channel and
-- the day the case ended.
CREATE TABLE insight_step_daily (
    service      VARCHAR(64) NOT NULL,
    step         VARCHAR(64) NOT NULL,
    organisation VARCHAR(64) NOT NULL,
    channel      VARCHAR(16) NOT NULL,
    on_day          DATE        NOT NULL,
    ended        BIGINT      NOT NULL,
    completed    BIGINT      NOT NULL,
    reworked     BIGINT      NOT NULL,
    overdue      BIGINT      NOT NULL,
    handoffs_in  BIGINT      NOT NULL,
    lead_seconds BIGINT      NOT NULL,
    wait_seconds BIGINT      NOT NULL,
    proc_seconds BIGINT      NOT NULL,
    PRIMARY KEY (service, step, organisation, channel, on_day)
);

-- Duration histograms (log-scale buckets, see DurationBuckets) per day, so that percentiles of
-- any period come from a few hundred rows instead of every step. measure: case (step and
-- organisation empty), lead, wait, process.
CREATE TABLE insight_duration (
    service      VARCHAR(64) NOT NULL,
    step         VARCHAR(64) NOT NULL,
    organisation VARCHAR(64) NOT NULL,
    measure      VARCHAR(8)  NOT NULL,
    on_day          DATE        NOT NULL,
    bucket       INTEGER     NOT NULL,
    cases        BIGINT      NOT NULL,
    PRIMARY KEY (service, step, organisation, measure, on_day, bucket)
);

-- Who waits on whom: a step of one organisation released by a step of another (or the same).
CREATE TABLE insight_handoff (
    service           VARCHAR(64) NOT NULL,
    from_step         VARCHAR(64) NOT NULL,
    from_organisation VARCHAR(64) NOT NULL,
    to_step           VARCHAR(64) NOT NULL,
    to_organisation   VARCHAR(64) NOT NULL,
    on_day               DATE        NOT NULL,
    handoffs          BIGINT      NOT NULL,
    wait_seconds      BIGINT      NOT NULL,
    PRIMARY KEY (service, from_step, from_organisation, to_step, to_organisation, on_day)
);

INSERT INTO insight_position (reader, last_id, updated_at)
VALUES ('rollup', '00000000-0000-0000-0000-000000000000', CURRENT_TIMESTAMP);
