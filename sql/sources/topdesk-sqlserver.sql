-- TOPdesk-like schema on SQL Server (an on-premises TOPdesk database, or a reporting copy of it).
-- Table and column names follow TOPdesk's Dutch naming; check them against your TOPdesk version with
-- a DBA, who will also give the worker a read-only login. Times are Dutch wall-clock times.
-- Source settings: Provider SqlServer, TimeZone Europe/Amsterdam.
--
-- Returns the canonical columns, ordered by updated_at; @since is the watermark less the overlap, as a
-- datetime in Europe/Amsterdam.
SELECT
    i.naam                                          AS ticket_id,
    CASE
        WHEN i.soortmeldingid IS NOT NULL AND sm.naam IN (N'Verzoek', N'Aanvraag', N'Request') THEN 'request'
        WHEN sm.naam IN (N'Wijziging', N'Change') THEN 'change'
        WHEN sm.naam IN (N'Probleem', N'Problem') THEN 'problem'
        WHEN sm.naam IN (N'Onderhoud', N'Maintenance') THEN 'maintenance'
        ELSE 'incident'
    END                                             AS kind,
    i.korteomschrijving                             AS title,
    cat.naam                                        AS category,
    sub.naam                                        AS subcategory,
    pri.naam                                        AS priority,
    CASE bm.naam
        WHEN N'Telefoon' THEN 'phone'
        WHEN N'E-mail'   THEN 'email'
        WHEN N'Portal'   THEN 'portal'
        WHEN N'Chat'     THEN 'chat'
        WHEN N'Balie'    THEN 'walk_in'
        WHEN N'Monitoring' THEN 'monitoring'
        ELSE NULL
    END                                             AS channel,
    grp.naam                                        AS team,
    op.naam                                         AS assignee,
    CASE WHEN i.gereed = 1 THEN op.naam END         AS resolved_by,
    i.dataanmk                                      AS opened_at,
    i.datumaanmeldingbevestigd                      AS first_response_at,
    CASE WHEN i.gereed = 1 THEN i.datumgereed END   AS resolved_at,
    CASE WHEN i.afgemeld = 1 THEN i.datumafgemeld END AS closed_at,
    i.datumafspraak                                 AS due_at,
    CASE
        WHEN i.datumafspraak IS NULL THEN NULL
        WHEN COALESCE(i.datumgereed, SYSDATETIME()) > i.datumafspraak THEN 1
        ELSE 0
    END                                             AS sla_breached,
    COALESCE(i.heropend, 0)                         AS reopen_count,
    0                                               AS reassignment_count,
    CASE WHEN bm.naam = N'Monitoring' THEN 1 ELSE 0 END AS proactive,
    i.bestedetijd                                   AS time_spent_minutes,
    prb.naam                                        AS problem_id,
    NULL                                            AS caused_by_change,
    i.dataanmk_wijziging                            AS updated_at
FROM dbo.incident i
LEFT JOIN dbo.soortmelding sm        ON sm.unid = i.soortmeldingid
LEFT JOIN dbo.classificatie cat      ON cat.unid = i.incident_domeinid
LEFT JOIN dbo.classificatie sub      ON sub.unid = i.incident_specid
LEFT JOIN dbo.prioriteit pri         ON pri.unid = i.prioriteitid
LEFT JOIN dbo.soortbinnenkomst bm    ON bm.unid = i.soortbinnenkomstid
LEFT JOIN dbo.actiedoor grp          ON grp.unid = i.operatorgroupid
LEFT JOIN dbo.actiedoor op           ON op.unid = i.operatorid
LEFT JOIN dbo.probleem prb           ON prb.unid = i.probleemid
WHERE i.dataanmk_wijziging > @since
ORDER BY i.dataanmk_wijziging, i.naam
