-- Organisations whose pushes are paused by staff: their deliveries are not claimed until resumed.
CREATE TABLE delivery_pause (
    organisation VARCHAR(64)              PRIMARY KEY,
    paused_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    paused_by    VARCHAR(128)             NOT NULL
);
