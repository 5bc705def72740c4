-- Events keep a sequence so that two events of the same ticket, time and kind both stay
-- (an audit trail with minute precision has many such pairs).
ALTER TABLE ticket_events ADD COLUMN IF NOT EXISTS seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ticket_events DROP CONSTRAINT IF EXISTS ticket_events_pkey;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_pkey PRIMARY KEY (source, ticket_id, occurred_at, kind, seq);

-- The rows of an event-log import, staged so that a case's events can be folded in time order
-- whatever order the file has them in, with memory bounded by one case. No key: rows are appended
-- as they come and sorted once when read back, which is cheaper than keeping a B-tree in order.
CREATE TABLE IF NOT EXISTS event_stage (
    run_id        BIGINT NOT NULL,
    case_id       TEXT NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    line          BIGINT NOT NULL,
    activity      TEXT NULL,
    team          TEXT NULL,
    assignee      TEXT NULL,
    case_values   TEXT NULL
);
