-- Events keep a sequence so that two events of the same ticket, time and kind both stay
-- (an audit trail with minute precision has many such pairs). SQLite cannot change a primary key
-- in place: the table is rebuilt with the old rows as sequence 0, and without a rowid: the key is
-- the only index, so an event is one B-tree write instead of two (an event log stores millions).
CREATE TABLE ticket_events_v2 (
    source        TEXT NOT NULL,
    ticket_id     TEXT NOT NULL,
    occurred_at   TEXT NOT NULL,
    kind          TEXT NOT NULL,
    seq           INTEGER NOT NULL DEFAULT 0,
    from_value    TEXT NULL,
    to_value      TEXT NULL,
    actor         TEXT NULL,
    PRIMARY KEY (source, ticket_id, occurred_at, kind, seq)
) WITHOUT ROWID;

INSERT INTO ticket_events_v2 (source, ticket_id, occurred_at, kind, seq, from_value, to_value, actor)
SELECT source, ticket_id, occurred_at, kind, 0, from_value, to_value, actor FROM ticket_events;

DROP TABLE ticket_events;
ALTER TABLE ticket_events_v2 RENAME TO ticket_events;
