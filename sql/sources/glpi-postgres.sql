-- GLPI (glpi_tickets and its link tables). GLPI itself runs on MySQL/MariaDB, which the worker does not
-- connect to: mirror the GLPI database into PostgreSQL (pgloader, or a nightly dump) and point the source
-- at the copy. GLPI stores local wall-clock times in its server's zone.
-- Source settings: Provider Postgres, TimeZone = the GLPI server's zone (for example Europe/Amsterdam).
--
-- GLPI's codes: type 1 = incident, 2 = request; status 5 = solved, 6 = closed; priority 1 (very low) to
-- 6 (major); in glpi_groups_tickets and glpi_tickets_users, type 2 = assigned.
SELECT
    CAST(t.id AS TEXT)                              AS ticket_id,
    CASE t.type WHEN 1 THEN 'incident' WHEN 2 THEN 'request' ELSE CAST(t.type AS TEXT) END AS kind,
    t.name                                          AS title,
    cat.completename                                AS category,
    NULL                                            AS subcategory,
    CASE t.priority
        WHEN 6 THEN 'Major' WHEN 5 THEN 'Very high' WHEN 4 THEN 'High'
        WHEN 3 THEN 'Medium' WHEN 2 THEN 'Low' ELSE 'Very low'
    END                                             AS priority,
    CASE LOWER(src.name)
        WHEN 'phone' THEN 'phone'
        WHEN 'e-mail' THEN 'email'
        WHEN 'email' THEN 'email'
        WHEN 'helpdesk' THEN 'portal'
        WHEN 'direct' THEN 'walk_in'
        ELSE NULL
    END                                             AS channel,
    grp.name                                        AS team,
    usr.name                                        AS assignee,
    CASE WHEN t.status IN (5, 6) THEN usr.name END  AS resolved_by,
    t.date                                          AS opened_at,
    t.takeintoaccountdate                           AS first_response_at,
    t.solvedate                                     AS resolved_at,
    t.closedate                                     AS closed_at,
    t.time_to_resolve                               AS due_at,
    CASE
        WHEN t.time_to_resolve IS NULL THEN NULL
        ELSE COALESCE(t.solvedate, t.date_mod) > t.time_to_resolve
    END                                             AS sla_breached,
    0                                               AS reopen_count,
    0                                               AS reassignment_count,
    FALSE                                           AS proactive,
    t.actiontime / 60                               AS time_spent_minutes,
    NULL                                            AS problem_id,
    NULL                                            AS caused_by_change,
    t.date_mod                                      AS updated_at
FROM glpi_tickets t
LEFT JOIN glpi_itilcategories cat ON cat.id = t.itilcategories_id
LEFT JOIN glpi_requesttypes src   ON src.id = t.requesttypes_id
LEFT JOIN LATERAL (
    SELECT g.name FROM glpi_groups_tickets gt JOIN glpi_groups g ON g.id = gt.groups_id
    WHERE gt.tickets_id = t.id AND gt.type = 2 ORDER BY gt.id DESC LIMIT 1
) grp ON TRUE
LEFT JOIN LATERAL (
    SELECT u.name FROM glpi_tickets_users tu JOIN glpi_users u ON u.id = tu.users_id
    WHERE tu.tickets_id = t.id AND tu.type = 2 ORDER BY tu.id DESC LIMIT 1
) usr ON TRUE
WHERE t.is_deleted = 0 AND t.date_mod > @since
ORDER BY t.date_mod, t.id
