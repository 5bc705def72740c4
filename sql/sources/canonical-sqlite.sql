-- A SQLite file that already holds canonical columns (an export kept by another tool, or a test source).
-- SQLite has no date type: @since is text "yyyy-MM-dd HH:mm:ss"; datetime() compares it with any ISO
-- spelling of updated_at ('2026-03-02T09:00:00Z', '2026-03-02 09:00:00').
-- Source settings: Provider Sqlite, TimeZone UTC.
SELECT
    ticket_id, kind, title, category, subcategory, priority, channel, team, assignee, resolved_by,
    opened_at, first_response_at, resolved_at, closed_at, due_at, sla_breached,
    reopen_count, reassignment_count, proactive, time_spent_minutes, problem_id, caused_by_change,
    updated_at
FROM tickets
WHERE datetime(updated_at) > datetime(@since)
ORDER BY datetime(updated_at), ticket_id
