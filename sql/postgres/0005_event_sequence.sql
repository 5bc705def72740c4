-- Events keep a sequence so that two events of the same ticket, time and kind both stay
-- (an audit trail with minute precision has many such pairs).
ALTER TABLE ticket_events ADD COLUMN IF NOT EXISTS seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ticket_events DROP CONSTRAINT IF EXISTS ticket_events_pkey;
ALTER TABLE ticket_events ADD CONSTRAINT ticket_events_pkey PRIMARY KEY (source, ticket_id, occurred_at, kind, seq);
