-- Complaints, appeals and submissions in the daily KPI counts, split by the applicant's segment:
-- who the application is for (principal: person or business) and whether an intermediary made it
-- under a mandate (represented: self or intermediary). Portal journeys start before either is
-- known, so their starts have both empty.
-- insight_daily gets two more key columns and is made again. The roll-ups are rebuildable: the
-- reader starts again from the beginning of the log and fills every table anew.
DROP TABLE insight_daily;
CREATE TABLE insight_daily (
    service     VARCHAR(64) NOT NULL,
    on_day      DATE        NOT NULL,
    channel     VARCHAR(16) NOT NULL,
    principal   VARCHAR(16) NOT NULL,
    represented VARCHAR(16) NOT NULL,
    started     BIGINT      NOT NULL,
    submitted   BIGINT      NOT NULL,
    completed   BIGINT      NOT NULL,
    rejected    BIGINT      NOT NULL,
    withdrawn   BIGINT      NOT NULL,
    sat1        BIGINT      NOT NULL,
    sat2        BIGINT      NOT NULL,
    sat3        BIGINT      NOT NULL,
    sat4        BIGINT      NOT NULL,
    sat5        BIGINT      NOT NULL,
    complaints  BIGINT      NOT NULL,
    appeals     BIGINT      NOT NULL,
    PRIMARY KEY (service, on_day, channel, principal, represented)
);

ALTER TABLE insight_case ADD COLUMN principal VARCHAR(16) DEFAULT '' NOT NULL;
ALTER TABLE insight_case ADD COLUMN represented VARCHAR(16) DEFAULT '' NOT NULL;

DELETE FROM insight_journey;
DELETE FROM insight_step;
DELETE FROM insight_case;
DELETE FROM insight_step_daily;
DELETE FROM insight_duration;
DELETE FROM insight_handoff;
UPDATE insight_position SET last_id = '00000000-0000-0000-0000-000000000000';


-- An indicator may be measured for one segment of the applicants (each column null for all).
ALTER TABLE insight_indicator ADD COLUMN segment_channel VARCHAR(16);
ALTER TABLE insight_indicator ADD COLUMN segment_principal VARCHAR(16);
ALTER TABLE insight_indicator ADD COLUMN segment_representation VARCHAR(16);
