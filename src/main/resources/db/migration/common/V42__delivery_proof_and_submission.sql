-- A signed outcome (compact JWS or Security Event Token) is kept as the organisation sent it, as proof.
ALTER TABLE delivery_outcome ADD COLUMN proof VARCHAR(65536);
ALTER TABLE delivery_outcome ADD COLUMN proof_format VARCHAR(16);
ALTER TABLE delivery_outcome ADD COLUMN proof_digest VARCHAR(64);

-- When the application behind the delivery was submitted, for the submitted-to-delivered latency.
ALTER TABLE delivery ADD COLUMN submitted_at TIMESTAMP WITH TIME ZONE;
