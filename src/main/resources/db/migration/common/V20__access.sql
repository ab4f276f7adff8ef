CREATE TABLE staff_account (
    username      VARCHAR(100) PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    organisation  VARCHAR(64),
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT staff_account_role CHECK (role IN ('MANAGER', 'OPERATOR', 'AUDITOR')),
    CONSTRAINT staff_account_operator_organisation CHECK ((role = 'OPERATOR') = (organisation IS NOT NULL))
);

CREATE INDEX staff_account_role_idx ON staff_account (role);

CREATE TABLE member_token_use (
    organisation VARCHAR(64)  NOT NULL,
    jti          VARCHAR(200) NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organisation, jti)
);

CREATE INDEX member_token_use_expires_at ON member_token_use (expires_at);
