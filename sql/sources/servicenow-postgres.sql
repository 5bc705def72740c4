-- ServiceNow-like schema (the task table and its classes) replicated to PostgreSQL, as ETL and
-- "ServiceNow replica" tools lay it out: references are sys_ids, times are UTC timestamps without zone.
-- Source settings: Provider Postgres, TimeZone UTC.
--
-- Returns the canonical columns, ordered by updated_at so the watermark can follow each committed batch.
-- @since is the watermark less the overlap, as a timestamp without zone in the source's TimeZone.
SELECT
    t.number                                        AS ticket_id,
    CASE t.sys_class_name
        WHEN 'incident'       THEN 'incident'
        WHEN 'sc_req_item'    THEN 'request'
        WHEN 'change_request' THEN 'change'
        WHEN 'problem'        THEN 'problem'
        WHEN 'sc_task'        THEN 'task'
        WHEN 'u_maintenance'  THEN 'maintenance'
        ELSE t.sys_class_name                       -- anything else is quarantined, naming the class
    END                                             AS kind,
    t.short_description                             AS title,
    t.category                                      AS category,
    t.subcategory                                   AS subcategory,
    t.priority                                      AS priority,
    CASE t.contact_type
        WHEN 'phone'        THEN 'phone'
        WHEN 'email'        THEN 'email'
        WHEN 'self-service' THEN 'portal'
        WHEN 'chat'         THEN 'chat'
        WHEN 'walk-in'      THEN 'walk_in'
        WHEN 'monitoring'   THEN 'monitoring'
        WHEN 'event'        THEN 'monitoring'
        ELSE NULL                                   -- unknown channels are left empty, not quarantined
    END                                             AS channel,
    grp.name                                        AS team,
    assignee.name                                   AS assignee,
    resolver.name                                   AS resolved_by,
    t.opened_at                                     AS opened_at,
    t.u_first_response_at                           AS first_response_at,
    t.resolved_at                                   AS resolved_at,
    t.closed_at                                     AS closed_at,
    t.due_date                                      AS due_at,
    CASE WHEN t.made_sla IS NULL THEN NULL ELSE NOT t.made_sla END AS sla_breached,
    COALESCE(t.reopen_count, 0)                     AS reopen_count,
    COALESCE(t.reassignment_count, 0)               AS reassignment_count,
    (t.contact_type IN ('monitoring', 'event') OR t.caller_id IS NULL) AS proactive,
    t.time_worked / 60                              AS time_spent_minutes,
    prb.number                                      AS problem_id,
    chg.number                                      AS caused_by_change,
    t.sys_updated_on                                AS updated_at
FROM task t
LEFT JOIN sys_user_group grp      ON grp.sys_id = t.assignment_group
LEFT JOIN sys_user assignee       ON assignee.sys_id = t.assigned_to
LEFT JOIN sys_user resolver       ON resolver.sys_id = t.resolved_by
LEFT JOIN task prb                ON prb.sys_id = t.problem_id
LEFT JOIN task chg                ON chg.sys_id = t.caused_by
WHERE t.sys_updated_on > @since
ORDER BY t.sys_updated_on, t.number
