-- Two more public value measures, kept in the daily counts per service, day, channel and segment:
--   prefilled        cases submitted that day with at least one registry query attributed to them
--                    (the portal's address look-up), counted on the day of submission;
--   milestone_cases  cases that ended that day with at least one completed step (a milestone);
--   updated_cases    of those, the cases in which the organisation of every completed step sent the
--                    applicant an update in the round that completed it.
-- The facts behind them: insight_case.prefilled, insight_step.updated (an update from the step's
-- organisation since the step last became ready) and insight_step.announced (the completion had one).
ALTER TABLE insight_daily ADD COLUMN prefilled BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE insight_daily ADD COLUMN milestone_cases BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE insight_daily ADD COLUMN updated_cases BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE insight_case ADD COLUMN prefilled BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE insight_step ADD COLUMN updated BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE insight_step ADD COLUMN announced BOOLEAN DEFAULT FALSE NOT NULL;

-- The roll-ups are rebuildable: empty them and let the reader read the log again from the start,
-- so that the new counts cover the whole history.
DELETE FROM insight_journey;
DELETE FROM insight_step;
DELETE FROM insight_case;
DELETE FROM insight_daily;
DELETE FROM insight_step_daily;
DELETE FROM insight_duration;
DELETE FROM insight_handoff;
UPDATE insight_position SET last_id = '00000000-0000-0000-0000-000000000000';
