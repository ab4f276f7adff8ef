-- Query services that organisations offer (a register's look-up), and the agreements that let
-- a consumer organisation (or the portal) use one. Schemas are text, not jsonb, so that their
-- keys keep the order the definition writes them in.
CREATE TABLE query_service (
    provider       VARCHAR(64)      NOT NULL,
    code           VARCHAR(64)      NOT NULL,
    title          VARCHAR(200)     NOT NULL,
    url            VARCHAR(2000),
    path           VARCHAR(2000),
    timeout_millis BIGINT           NOT NULL,
    request_schema VARCHAR(1000000) NOT NULL,
    answer_schema  VARCHAR(1000000) NOT NULL,
    PRIMARY KEY (provider, code)
);

CREATE TABLE query_agreement (
    code        VARCHAR(64)   PRIMARY KEY,
    consumer    VARCHAR(64)   NOT NULL,
    provider    VARCHAR(64)   NOT NULL,
    service     VARCHAR(64)   NOT NULL,
    purpose     VARCHAR(1000) NOT NULL,
    legal_basis VARCHAR(1000) NOT NULL,
    fields      jsonb         NOT NULL,
    valid_from  DATE          NOT NULL,
    valid_to    DATE
);

CREATE INDEX query_agreement_use ON query_agreement (provider, service, consumer);
