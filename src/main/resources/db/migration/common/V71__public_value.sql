-- The public value scorecard declared in the network definition (replaced on each import that declares it).
CREATE TABLE insight_indicator (
    code        VARCHAR(64)  PRIMARY KEY,
    position    INTEGER      NOT NULL,
    name        VARCHAR(200) NOT NULL,
    stakeholder VARCHAR(64)  NOT NULL,
    dimension   VARCHAR(64)  NOT NULL,
    service     VARCHAR(64)  NOT NULL,
    metric      VARCHAR(64)  NOT NULL,
    better      VARCHAR(8)   NOT NULL,
    baseline    DOUBLE PRECISION,
    target      DOUBLE PRECISION
);
