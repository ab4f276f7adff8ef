-- The pushers' claim reads due push deliveries in next_attempt_at order. With only the deliveries
-- still to push in this index, the claim walks it in order and stops at its limit, instead of
-- sorting every due row of (state, next_attempt_at) on each claim.
CREATE INDEX delivery_push_due ON delivery (next_attempt_at) WHERE mode = 'PUSH' AND state IN ('PENDING', 'IN_FLIGHT');
