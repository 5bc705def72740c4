using Analytics.Tickets;

namespace Analytics.Demo;

/// <summary>
/// The six teams' service catalogues. Categories mix Dutch and English as real Dutch service desks
/// do; shares and handling times are chosen so each team runs at about 80% of its capacity.
/// </summary>
internal static class DemoCatalog
{
    public const string ServiceDesk = "Service Desk";
    public const string Workplace = "Workplace";
    public const string Network = "Network & Security";
    public const string Applications = "Applications";
    public const string Identity = "Identity & Access";
    public const string Infrastructure = "Infrastructure";

    public static IReadOnlyList<DemoWorkType> For(string team) => team switch
    {
        ServiceDesk => ServiceDeskWork,
        Workplace => WorkplaceWork,
        Network => NetworkWork,
        Applications => ApplicationsWork,
        Identity => IdentityWork,
        Infrastructure => InfrastructureWork,
        _ => throw new ArgumentOutOfRangeException(nameof(team), team, "Not a demo team."),
    };

    private static readonly DemoWorkType[] ServiceDeskWork =
    [
        new() { Kind = TicketKind.Incident, Category = "Account", Subcategory = "Wachtwoord", Share = 0.18, HandlingMinutes = 12, Titles = ["Wachtwoord vergeten", "Password expired, cannot log in", "Account geblokkeerd na te veel pogingen", "MFA-app op nieuwe telefoon instellen"] },
        new() { Kind = TicketKind.Incident, Category = "Software", Subcategory = "Office", Share = 0.16, HandlingMinutes = 22, OutageSensitive = true, Titles = ["Outlook start niet op", "Teams crashes when sharing my screen", "Excel-bestand is beschadigd", "OneDrive synchroniseert niet"] },
        new() { Kind = TicketKind.Incident, Category = "Hardware", Subcategory = "Printer", Share = 0.09, HandlingMinutes = 20, Titles = ["Printer op de 3e verdieping print niet", "Printer jams constantly", "Scannen naar e-mail werkt niet"] },
        new() { Kind = TicketKind.Incident, Category = "Network", Subcategory = "Wifi", Share = 0.07, HandlingMinutes = 18, OutageSensitive = true, Titles = ["Geen wifi in vergaderruimte Eiland", "VPN connection drops every few minutes", "Kan niet inloggen op het netwerk"] },
        new() { Kind = TicketKind.Request, Category = "Access", Subcategory = "Shared mailbox", Share = 0.11, HandlingMinutes = 15, Titles = ["Toegang tot gedeelde mailbox Inkoop", "Access to the Finance SharePoint site", "Rechten op projectmap aanvragen"] },
        new() { Kind = TicketKind.Request, Category = "Software", Subcategory = "Installatie", Share = 0.11, HandlingMinutes = 20, Titles = ["Installatie van Visio", "Request: Adobe Acrobat Pro licence", "Power BI Desktop installeren"] },
        new() { Kind = TicketKind.Request, Category = "Inquiry / Help", Share = 0.14, HandlingMinutes = 10, Titles = ["Vraag over thuiswerken", "How do I book the meeting room screen?", "Hoe stel ik een afwezigheidsbericht in?"] },
        new() { Kind = TicketKind.Task, Category = "Triage", Share = 0.14, HandlingMinutes = 8, Titles = ["Terugbelverzoek", "Follow-up: user did not answer", "Doorzetten naar tweede lijn"] },
    ];

    private static readonly DemoWorkType[] WorkplaceWork =
    [
        new() { Kind = TicketKind.Incident, Category = "Hardware", Subcategory = "Laptop", Share = 0.24, HandlingMinutes = 45, Titles = ["Laptop start niet op", "Laptop battery is swelling", "Beeldscherm flikkert", "Docking station not recognised"] },
        new() { Kind = TicketKind.Request, Category = "Hardware", Subcategory = "Laptop", Share = 0.14, HandlingMinutes = 70, RefreshWave = true, Titles = ["Laptop vervangen (Windows 11 refresh)", "Nieuwe laptop aanvragen", "Replace laptop: end of life"] },
        new() { Kind = TicketKind.Request, Category = "Onboarding", Subcategory = "Werkplek", Share = 0.09, HandlingMinutes = 110, Onboarding = true, Titles = ["Onboarding: werkplek inrichten voor nieuwe medewerker", "New starter: prepare laptop and phone", "Indiensttreding: laptop en telefoon klaarzetten"] },
        new() { Kind = TicketKind.Request, Category = "Offboarding", Subcategory = "Inname", Share = 0.06, HandlingMinutes = 40, Titles = ["Offboarding: laptop innemen en wissen", "Leaver: collect equipment and wipe devices"] },
        new() { Kind = TicketKind.Incident, Category = "Mobile", Subcategory = "Telefoon", Share = 0.12, HandlingMinutes = 30, Titles = ["Telefoon ontvangt geen e-mail", "iPhone enrolment in Intune fails", "Nieuwe simkaart activeren"] },
        new() { Kind = TicketKind.Request, Category = "Hardware", Subcategory = "Accessoires", Share = 0.23, HandlingMinutes = 20, Titles = ["Headset aanvragen", "Second monitor for home office", "Toetsenbord en muis vervangen"] },
        new() { Kind = TicketKind.Maintenance, Category = "Software distribution", Subcategory = "Packaging", Share = 0.08, HandlingMinutes = 120, Origin = DemoOrigin.Planned, Titles = ["Softwarepakket bijwerken: Chrome", "Package new version of the Zoom client", "Intune-configuratieprofiel bijwerken"] },
        new() { Kind = TicketKind.Change, Category = "Workplace", Subcategory = "Image", Share = 0.04, HandlingMinutes = 200, Origin = DemoOrigin.Planned, Titles = ["Nieuwe Windows-image uitrollen", "Change: enable BitLocker recovery key escrow", "Wijziging: uitrol Office-update naar pilotgroep"] },
    ];

    private static readonly DemoWorkType[] NetworkWork =
    [
        new() { Kind = TicketKind.Incident, Category = "Network", Subcategory = "LAN/Wifi", Share = 0.22, HandlingMinutes = 50, OutageSensitive = true, Titles = ["Switchpoort defect op 2e verdieping", "Slow network in the Utrecht office", "Wifi-accesspoint offline in kantine"] },
        new() { Kind = TicketKind.Incident, Category = "Security", Subcategory = "Phishing", Share = 0.15, HandlingMinutes = 35, Titles = ["Verdachte e-mail gemeld (phishing)", "User clicked a phishing link: check and reset", "Melding: mogelijk datalek"] },
        new() { Kind = TicketKind.Request, Category = "Firewall", Subcategory = "Regel", Share = 0.14, HandlingMinutes = 45, Titles = ["Firewallregel aanvragen voor leverancier", "Open port 443 to new SaaS endpoint", "Whitelist IP-adres externe partner"] },
        new() { Kind = TicketKind.Change, Category = "Network", Subcategory = "Configuration", Share = 0.10, HandlingMinutes = 150, Origin = DemoOrigin.Planned, Titles = ["Change: firmware update of the core switches", "Wijziging: nieuw VLAN voor gastennetwerk", "Change: replace WAN router in Zwolle"] },
        new() { Kind = TicketKind.Incident, Category = "Monitoring", Subcategory = "Alert", Share = 0.17, HandlingMinutes = 30, Origin = DemoOrigin.Monitoring, OutageSensitive = true, Titles = ["Alert: high latency on WAN link", "Monitoring: certificate expires in 14 days", "Alert: packet loss on uplink core-02"] },
        new() { Kind = TicketKind.Maintenance, Category = "Maintenance", Subcategory = "Certificates", Share = 0.09, HandlingMinutes = 60, Origin = DemoOrigin.Planned, Titles = ["Certificaat vernieuwen voor VPN-gateway", "Renew wildcard certificate", "Firewall-ruleset opschonen"] },
        new() { Kind = TicketKind.Problem, Category = "Network", Subcategory = "Root cause", Share = 0.006, HandlingMinutes = 420, Origin = DemoOrigin.Planned, Titles = ["Probleem: herhaalde wifi-uitval op locatie Zwolle", "Problem: intermittent VPN disconnects", "Probleem: DHCP-pool raakt vol"] },
        new() { Kind = TicketKind.Request, Category = "Security", Subcategory = "Vulnerability", Share = 0.10, HandlingMinutes = 80, Titles = ["Kwetsbaarheid verhelpen (CVE) op webserver", "Pen test finding: disable TLS 1.0", "Security-scan: verouderde OpenSSL"] },
    ];

    private static readonly DemoWorkType[] ApplicationsWork =
    [
        new() { Kind = TicketKind.Incident, Category = "Application", Subcategory = "ERP", Share = 0.24, HandlingMinutes = 55, OutageSensitive = true, Titles = ["Factuur blijft hangen in workflow", "ERP: purchase order cannot be approved", "Foutmelding bij boeken in grootboek"] },
        new() { Kind = TicketKind.Incident, Category = "Application", Subcategory = "HR-systeem", Share = 0.14, HandlingMinutes = 45, Titles = ["Verlofaanvraag niet zichtbaar voor manager", "Payslip not visible in the HR portal", "Declaratie kan niet worden ingediend"] },
        new() { Kind = TicketKind.Request, Category = "Access", Subcategory = "Rol", Share = 0.20, HandlingMinutes = 20, Titles = ["Rol toevoegen in ERP", "Grant approver role in the HR system", "Leesrechten rapportages aanvragen"] },
        new() { Kind = TicketKind.Request, Category = "Application", Subcategory = "Rapportage", Share = 0.14, HandlingMinutes = 90, Titles = ["Nieuw rapport: openstaande facturen per afdeling", "Change the monthly sales report filter", "Export van klantgegevens"] },
        new() { Kind = TicketKind.Change, Category = "Application", Subcategory = "Release", Share = 0.10, HandlingMinutes = 180, Origin = DemoOrigin.Planned, Titles = ["Release 4.2 van het zaaksysteem", "Change: deploy ERP patch set", "Wijziging: koppeling HR-systeem naar nieuwe API"] },
        new() { Kind = TicketKind.Problem, Category = "Application", Subcategory = "Root cause", Share = 0.006, HandlingMinutes = 480, Origin = DemoOrigin.Planned, Titles = ["Probleem: nachtelijke batch faalt periodiek", "Problem: ERP sessions time out under load", "Probleem: dubbele boekingen na import"] },
        new() { Kind = TicketKind.Maintenance, Category = "Maintenance", Subcategory = "Upgrade", Share = 0.08, HandlingMinutes = 100, Origin = DemoOrigin.Planned, Titles = ["Upgrade testomgeving naar nieuwe versie", "Licence renewal and user clean-up", "Opschonen van inactieve gebruikers"] },
        new() { Kind = TicketKind.Task, Category = "Application", Subcategory = "Test", Share = 0.07, HandlingMinutes = 60, Origin = DemoOrigin.Planned, Titles = ["Acceptatietest uitvoeren", "Test regression suite after patch", "Testscript bijwerken"] },
    ];

    private static readonly DemoWorkType[] IdentityWork =
    [
        new() { Kind = TicketKind.Request, Category = "Accounts", Subcategory = "Nieuw account", Share = 0.18, HandlingMinutes = 25, Onboarding = true, Titles = ["Nieuw account aanmaken voor nieuwe medewerker", "Create account for new starter", "Account aanmaken voor stagiair"] },
        new() { Kind = TicketKind.Request, Category = "Accounts", Subcategory = "Account verwijderen", Share = 0.09, HandlingMinutes = 15, Titles = ["Account blokkeren: uit dienst", "Disable account of leaver", "Gastaccount verwijderen"] },
        new() { Kind = TicketKind.Request, Category = "Access", Subcategory = "Groepslidmaatschap", Share = 0.32, HandlingMinutes = 14, Titles = ["Toevoegen aan beveiligingsgroep", "Add to distribution list", "Rechten wijzigen na functiewijziging"] },
        new() { Kind = TicketKind.Incident, Category = "Accounts", Subcategory = "MFA", Share = 0.17, HandlingMinutes = 20, Titles = ["MFA-prompt komt niet binnen", "Lost phone: reset MFA", "Inloggen lukt niet ondanks juiste code"] },
        new() { Kind = TicketKind.Incident, Category = "Accounts", Subcategory = "Synchronisatie", Share = 0.09, HandlingMinutes = 45, OutageSensitive = true, Titles = ["Azure AD-synchronisatiefout", "Directory sync error for new accounts", "Wijziging in HR komt niet door naar AD"] },
        new() { Kind = TicketKind.Maintenance, Category = "Access review", Share = 0.06, HandlingMinutes = 110, Origin = DemoOrigin.Planned, Titles = ["Kwartaalreview van beheerdersrechten", "Access recertification for finance roles", "Opschonen van slapende accounts"] },
        new() { Kind = TicketKind.Change, Category = "IAM", Subcategory = "Policy", Share = 0.04, HandlingMinutes = 160, Origin = DemoOrigin.Planned, Titles = ["Change: conditional access policy for contractors", "Wijziging: wachtwoordbeleid aanscherpen", "Single sign-on koppelen voor nieuwe SaaS-applicatie"] },
        new() { Kind = TicketKind.Task, Category = "Accounts", Subcategory = "Controle", Share = 0.05, HandlingMinutes = 20, Origin = DemoOrigin.Planned, Titles = ["Controle uitdiensttredingen deze week", "Check orphaned mailboxes", "Licentietelling bijwerken"] },
    ];

    private static readonly DemoWorkType[] InfrastructureWork =
    [
        new() { Kind = TicketKind.Incident, Category = "Monitoring", Subcategory = "Server", Share = 0.22, HandlingMinutes = 40, Origin = DemoOrigin.Monitoring, OutageSensitive = true, Titles = ["Alert: disk space low on FS01", "Back-upjob mislukt op SQL02", "Alert: CPU above 95% on APP03", "Monitoring: service stopped on PRINT01"] },
        new() { Kind = TicketKind.Incident, Category = "Server", Subcategory = "Storage", Share = 0.12, HandlingMinutes = 60, Titles = ["Netwerkschijf H: niet bereikbaar", "File share is very slow", "Bestand terugzetten uit back-up"] },
        new() { Kind = TicketKind.Change, Category = "Server", Subcategory = "Upgrade", Share = 0.13, HandlingMinutes = 170, Origin = DemoOrigin.Planned, Titles = ["Change: upgrade SQL Server cluster", "Wijziging: uitbreiding opslag SAN", "Change: migrate VMs to new host"] },
        new() { Kind = TicketKind.Maintenance, Category = "Patching", Share = 0.17, HandlingMinutes = 85, Origin = DemoOrigin.Planned, Titles = ["Maandelijkse patchronde servers", "Monthly patching: domain controllers", "Firmware-update hypervisors"] },
        new() { Kind = TicketKind.Maintenance, Category = "Backup", Share = 0.08, HandlingMinutes = 45, Origin = DemoOrigin.Planned, Titles = ["Restoretest van de back-up", "Verify offsite backup copies", "Back-upschema controleren"] },
        new() { Kind = TicketKind.Problem, Category = "Server", Subcategory = "Root cause", Share = 0.006, HandlingMinutes = 540, Origin = DemoOrigin.Planned, Titles = ["Probleem: back-ups lopen structureel uit", "Problem: memory leak on application server", "Probleem: terugkerende storing fileserver"] },
        new() { Kind = TicketKind.Request, Category = "Server", Subcategory = "Nieuwe VM", Share = 0.12, HandlingMinutes = 80, Titles = ["Nieuwe VM aanvragen voor testomgeving", "Request: new SFTP account for supplier", "Database aanmaken voor project"] },
        new() { Kind = TicketKind.Request, Category = "Storage", Subcategory = "Quota", Share = 0.13, HandlingMinutes = 25, Titles = ["Quotum van projectmap verhogen", "Increase mailbox size", "Extra opslag voor afdeling Marketing"] },
    ];
}
