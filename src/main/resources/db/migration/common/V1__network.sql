CREATE TABLE organisation (
    code       VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    receiving  VARCHAR(16)  NOT NULL,
    endpoint   VARCHAR(2000),
    jwks       jsonb        NOT NULL
);

CREATE TABLE agreement (
    code              VARCHAR(64)   PRIMARY KEY,
    organisation      VARCHAR(64)   NOT NULL REFERENCES organisation (code),
    service           VARCHAR(64)   NOT NULL,
    steps             jsonb         NOT NULL,
    governance        VARCHAR(16)   NOT NULL,
    sla               VARCHAR(32),
    cost_amount       NUMERIC(14, 2),
    cost_currency     CHAR(3),
    fields            jsonb         NOT NULL,
    legal_basis       VARCHAR(1000),
    valid_from        DATE          NOT NULL,
    valid_to          DATE,
    asset_specificity INTEGER,
    uncertainty       INTEGER,
    frequency         INTEGER
);

CREATE INDEX agreement_service ON agreement (service);
CREATE INDEX agreement_organisation ON agreement (organisation);
