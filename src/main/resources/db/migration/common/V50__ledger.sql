-- The ledger: a Merkle tree (RFC 9162) over event_log, one leaf per event, in ledger order.

-- Events not yet in the tree. JdbcEventLog inserts each event's id here in the transaction of
-- the event, so commit order does not matter and no event is missed or appended twice.
CREATE TABLE ledger_queue (
    event_id UUID PRIMARY KEY
);
INSERT INTO ledger_queue (event_id) SELECT id FROM event_log;

-- One row: the tree's size. The appender locks it (FOR UPDATE), so one node appends at a time.
-- pruned_below: events of entries below it may have been archived and removed from event_log
-- (docs/ledger.md, retention); their leaf hashes stay, so the tree still verifies.
CREATE TABLE ledger_state (
    id           SMALLINT PRIMARY KEY,
    tree_size    BIGINT   NOT NULL,
    pruned_below BIGINT   NOT NULL
);
INSERT INTO ledger_state (id, tree_size, pruned_below) VALUES (1, 0, 0);

-- Leaves: entry_index is the ledger index; leaf_hash = SHA-256(0x00 || JCS of the event), hex.
CREATE TABLE ledger_leaf (
    entry_index BIGINT      PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    leaf_hash   VARCHAR(64) NOT NULL
);

-- Hashes of the complete (perfect) subtrees above the leaves: node (level, node_index) covers the
-- leaves [node_index * 2^level, (node_index + 1) * 2^level). They never change once written.
CREATE TABLE ledger_node (
    node_level SMALLINT    NOT NULL,
    node_index BIGINT      NOT NULL,
    hash       VARCHAR(64) NOT NULL,
    PRIMARY KEY (node_level, node_index)
);

-- Signed tree heads: the JWS (platform key) carries tree size, root hash and time.
CREATE TABLE ledger_checkpoint (
    tree_size BIGINT                   PRIMARY KEY,
    root_hash VARCHAR(64)              NOT NULL,
    issued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    signature VARCHAR(4000)            NOT NULL
);
