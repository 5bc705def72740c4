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

-- The rows of an event-log import, staged so that a case's events can be folded in time order
-- whatever order the file has them in, with memory bounded by one case. No key: rows are appended
-- as they come and sorted once when read back, which is cheaper than keeping a B-tree in order. Rows of an import run are
-- deleted when the run has folded them; rows of a killed run are deleted by the next import of the file.
CREATE TABLE IF NOT EXISTS event_stage (
    run_id        INTEGER NOT NULL,
    case_id       TEXT NOT NULL,
    occurred_at   TEXT NOT NULL,
    line          INTEGER NOT NULL,
    activity      TEXT NULL,
    team          TEXT NULL,
    assignee      TEXT NULL,
    case_values   TEXT NULL
);
