using System.Globalization;
using System.Net.Mail;
using Analytics.Import;
using Analytics.Tickets;

namespace Analytics.Roster;

/// <summary>What a roster file holds, told by its header.</summary>
public enum RosterFileKind
{
    Teams,
    Agents,
    Leave,
}

/// <summary>
/// The roster files' vocabulary: which header words (English and Dutch, as HR and TOPdesk exports spell
/// them) name which field, how a file's kind is told from its header, and how one row becomes a team, an
/// agent or a leave entry. A value that cannot be read is a problem naming the column and the raw value;
/// a value left empty is unknown, never 0. docs/roster.md lists the same words for operators.
/// </summary>
public sealed class RosterFile
{
    // Header words per field. CsvHeader ignores case, spaces and underscores.
    internal static readonly string[] AgentName = ["Agent", "Agent name", "Medewerker", "Behandelaar", "Operator", "Employee"];
    internal static readonly string[] PlainName = ["Name", "Naam"];
    internal static readonly string[] TeamName = ["Team", "Team name", "Teamnaam", "Operatorgroep", "Operator group", "Behandelaarsgroep", "Group", "Groep"];
    internal static readonly string[] ManagerEmails = ["Manager emails", "Manager e-mails", "Managers", "Manager email", "Manager e-mail", "Manager", "Leidinggevenden", "Leidinggevende", "E-mail leidinggevende"];
    internal static readonly string[] TimeZone = ["Time zone", "Timezone", "Tijdzone"];
    internal static readonly string[] WorkdayStart = ["Workday start", "Working hours start", "Start of day", "Begintijd", "Werktijd begin", "Begin werktijd"];
    internal static readonly string[] WorkdayEnd = ["Workday end", "Working hours end", "End of day", "Eindtijd", "Werktijd einde", "Einde werktijd"];
    internal static readonly string[] Shrinkage = ["Shrinkage", "Krimp", "Uitval"];
    internal static readonly string[] ContractHours = ["Contract hours", "Contract hours per week", "Hours per week", "Contracturen", "Contracturen per week", "Uren per week"];
    internal static readonly string[] StartDate = ["Start date", "Startdatum", "Begindatum", "In dienst"];
    internal static readonly string[] EndDate = ["End date", "Einddatum", "Uit dienst"];
    internal static readonly string[] AgentManager = ["Manager email", "Manager e-mail", "Manager", "Leidinggevende", "E-mail leidinggevende"];
    internal static readonly string[] OptOut = ["Recognition opt-out", "Recognition opt out", "Opt-out", "Opt out", "No recognition", "Geen erkenning", "Opt-out erkenning"];
    internal static readonly string[] LeaveFrom = ["From", "Leave from", "Van", "Vanaf", "Verlof van", "Verlof vanaf"];
    internal static readonly string[] LeaveTo = ["To", "Leave to", "Until", "Tot", "Tot en met", "T/m", "Verlof tot", "Verlof tot en met"];
    internal static readonly string[] LeaveHours = ["Hours per week", "Leave hours per week", "Hours", "Uren per week", "Verlof", "Verlofuren", "Verlofuren per week", "Uren"];

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-M-d", "d-M-yyyy", "dd-MM-yyyy", "d/M/yyyy", "dd/MM/yyyy", "d.M.yyyy", "dd.MM.yyyy", "yyyy/MM/dd"];

    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "H.mm", "HH.mm", "H:mm:ss", "HH:mm:ss"];

    private readonly Dictionary<string[], Column?> _columns = new(ReferenceEqualityComparer.Instance);
    private readonly List<RowProblem> _problems = [];
    private IReadOnlyList<string> _fields = [];

    private RosterFile(RosterFileKind kind, CsvHeader header)
    {
        Kind = kind;
        Header = header;
    }

    public RosterFileKind Kind { get; }

    public CsvHeader Header { get; }

    /// <summary>The problems of the last row parsed; the row is kept only when there are none.</summary>
    public IReadOnlyList<RowProblem> Problems => _problems;

    /// <summary>
    /// Tells the file's kind from its header and binds the columns: leave has a from and a to column;
    /// agents have an agent column, or a name and a team column, or contract hours; teams have a team or
    /// name column. A header that fits none is an <see cref="ImportFileException"/> naming the words expected.
    /// </summary>
    public static RosterFile Bind(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var hasName = header.Find(PlainName) is not null;
        var hasTeam = header.Find(TeamName) is not null;
        var hasAgent = header.Find(AgentName) is not null;
        RosterFileKind kind;
        if (header.Find(LeaveFrom) is not null && header.Find(LeaveTo) is not null)
        {
            kind = RosterFileKind.Leave;
        }
        else if (hasAgent || (hasName && hasTeam) || header.Find(ContractHours) is not null)
        {
            kind = RosterFileKind.Agents;
        }
        else if (hasTeam || hasName)
        {
            kind = RosterFileKind.Teams;
        }
        else
        {
            throw new ImportFileException(
                $"The header fits no roster file. Teams need a 'Team' (or 'Name'/'Naam') column; agents 'Name'/'Naam' and 'Team' (or 'Agent'/'Medewerker'); leave 'Agent', 'From'/'Van' and 'To'/'Tot'. Columns found: {string.Join(", ", header.Names.Take(40))}. See docs/roster.md.");
        }

        var file = new RosterFile(kind, header);
        file.BindColumns();
        return file;
    }

    /// <summary>The kind of file, in words for messages and summaries.</summary>
    public static string Describe(RosterFileKind kind) => kind switch
    {
        RosterFileKind.Teams => "teams",
        RosterFileKind.Agents => "agents",
        _ => "planned leave",
    };

    public Team? Team(CsvRecord record)
    {
        Load(record);
        var name = Required(PlainName, TeamName);
        var managers = Emails(Get(ManagerEmails));
        var given = TeamSettings.None;
        var team = new Team { Name = name ?? string.Empty, ManagerEmails = managers };
        if (Text(Get(TimeZone)) is { } zone)
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                team = team with { TimeZone = zone };
                given |= TeamSettings.TimeZone;
            }
            else
            {
                Problem(Get(TimeZone)!.Value, zone, "not a known time zone (an IANA id such as Europe/Amsterdam)");
            }
        }

        var start = Time(Get(WorkdayStart));
        var end = Time(Get(WorkdayEnd));
        if (start is { } s && end is { } e)
        {
            if (e <= s)
            {
                Problem(Get(WorkdayEnd)!.Value, Raw(Get(WorkdayEnd)), $"the workday ends before it starts ({s:HH:mm})");
            }
            else
            {
                team = team with { WorkdayStart = s, WorkdayEnd = e };
                given |= TeamSettings.WorkingHours;
            }
        }
        else if ((start is null) != (end is null) && !_problems.Exists(p => IsColumn(p, WorkdayStart) || IsColumn(p, WorkdayEnd)))
        {
            var missing = start is null ? Get(WorkdayStart) : Get(WorkdayEnd);
            Problem(missing?.Name ?? (start is null ? "Workday start" : "Workday end"), missing is { } m ? Raw(m) : null, "working hours need both a start and an end");
        }

        if (Share(Get(Shrinkage)) is { } shrinkage)
        {
            team = team with { Shrinkage = shrinkage };
            given |= TeamSettings.Shrinkage;
        }

        return _problems.Count == 0 && name is not null ? team with { Given = given } : null;
    }

    public Agent? Agent(CsvRecord record)
    {
        Load(record);
        var name = Required(AgentName, PlainName);
        var team = Required(TeamName);
        var hours = Decimal(Get(ContractHours), 0, 80, "contract hours per week between 0 and 80");
        var start = Date(Get(StartDate));
        var end = Date(Get(EndDate));
        if (start is { } s && end is { } e && e < s)
        {
            Problem(Get(EndDate)!.Value, Raw(Get(EndDate)), $"the end date comes before the start date ({s:yyyy-MM-dd})");
        }

        var manager = Emails(Get(AgentManager));
        if (manager.Count > 1)
        {
            Problem(Get(AgentManager)!.Value, Raw(Get(AgentManager)), "one manager e-mail address per agent");
        }

        var optOut = Bool(Get(OptOut));
        return _problems.Count == 0 && name is not null && team is not null
            ? new Agent
            {
                Name = name,
                Team = team,
                ContractHours = hours,
                StartDate = start,
                EndDate = end,
                ManagerEmail = manager.Count == 1 ? manager[0] : null,
                RecognitionOptOut = optOut ?? false,
            }
            : null;
    }

    public AgentLeave? Leave(CsvRecord record)
    {
        Load(record);
        var agent = Required(AgentName, PlainName);
        var from = RequiredDate(LeaveFrom);
        var to = RequiredDate(LeaveTo);
        if (from is { } f && to is { } t && t < f)
        {
            Problem(Get(LeaveTo)!.Value, Raw(Get(LeaveTo)), $"the leave ends before it starts ({f:yyyy-MM-dd})");
        }

        var hours = Decimal(Get(LeaveHours), 0, 80, "hours off per week between 0 and 80 (empty: the whole contract)");
        return _problems.Count == 0 && agent is not null && from is { } first && to is { } last ? new AgentLeave(agent, first, last, hours) : null;
    }

    private void BindColumns()
    {
        string[][] fields = Kind switch
        {
            RosterFileKind.Teams => [PlainName, TeamName, ManagerEmails, TimeZone, WorkdayStart, WorkdayEnd, Shrinkage],
            RosterFileKind.Agents => [AgentName, PlainName, TeamName, ContractHours, StartDate, EndDate, AgentManager, OptOut],
            _ => [AgentName, PlainName, LeaveFrom, LeaveTo, LeaveHours],
        };
        foreach (var field in fields)
        {
            _columns[field] = Header.Find(field);
        }
    }

    private void Load(CsvRecord record)
    {
        _fields = record.Fields;
        _problems.Clear();
    }

    private Column? Get(string[] field) => _columns.GetValueOrDefault(field);

    private bool IsColumn(RowProblem problem, string[] field) => Get(field) is { } c && problem.Field == c.Name;

    private string? Raw(Column? column) => column is { } c && c.Index < _fields.Count ? _fields[c.Index] : null;

    private string? Text(Column? column)
    {
        var raw = Raw(column);
        return MissingValues.IsMissing(raw) ? null : raw!.Trim();
    }

    /// <summary>The first of the fields' columns that the file has, read as required text.</summary>
    private string? Required(params string[][] fields)
    {
        var column = fields.Select(Get).FirstOrDefault(c => c is not null);
        if (Text(column) is { } value)
        {
            return value;
        }

        Problem(column?.Name ?? fields[0][0], Raw(column), "required value is missing");
        return null;
    }

    private DateOnly? RequiredDate(string[] field)
    {
        var column = Get(field);
        if (Text(column) is null)
        {
            Problem(column?.Name ?? field[0], Raw(column), "required date is missing");
            return null;
        }

        return Date(column);
    }

    private DateOnly? Date(Column? column)
    {
        if (Text(column) is not { } text)
        {
            return null;
        }

        // A date with a midnight time (as spreadsheets and databases write dates) is that date.
        var datePart = text.Split(' ', 'T')[0];
        if (DateOnly.TryParseExact(datePart, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Problem(column!.Value, text, "not a date (yyyy-MM-dd, d-M-yyyy, d/M/yyyy or dd.MM.yyyy: day before month)");
        return null;
    }

    private TimeOnly? Time(Column? column)
    {
        if (Text(column) is not { } text)
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        Problem(column!.Value, text, "not a time of day (HH:mm)");
        return null;
    }

    private decimal? Decimal(Column? column, decimal min, decimal max, string expected)
    {
        if (Text(column) is not { } text)
        {
            return null;
        }

        if (ParseNumber(text) is { } value && value >= min && value <= max)
        {
            return value;
        }

        Problem(column!.Value, text, $"not {expected}");
        return null;
    }

    /// <summary>A share: 0.3, 0,3, 30% or 30 (read as percent when above 1).</summary>
    private decimal? Share(Column? column)
    {
        if (Text(column) is not { } text)
        {
            return null;
        }

        var percent = text.EndsWith('%');
        if (ParseNumber(percent ? text[..^1].Trim() : text) is { } value)
        {
            var share = percent || value > 1 ? value / 100 : value;
            if (share is >= 0 and < 1)
            {
                return share;
            }
        }

        Problem(column!.Value, text, "not a share from 0 to below 1 (0.3, 0,3 or 30%)");
        return null;
    }

    private bool? Bool(Column? column)
    {
        if (Text(column) is not { } text)
        {
            return null;
        }

        // The import's own yes/no words, plus the "x" a spreadsheet's tick column holds.
        if (string.Equals(text, "x", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (FieldParser.TryYesNo(text, out var value))
        {
            return value;
        }

        Problem(column!.Value, text, "not a yes/no value");
        return null;
    }

    private List<string> Emails(Column? column)
    {
        if (Text(column) is not { } text)
        {
            return [];
        }

        var addresses = new List<string>();
        foreach (var part in text.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (MailAddress.TryCreate(part, out var address) && address.Address.Contains('.', StringComparison.Ordinal))
            {
                addresses.Add(address.Address);
            }
            else
            {
                Problem(column!.Value, text, $"'{part}' is not an e-mail address");
                return [];
            }
        }

        return addresses;
    }

    /// <summary>A number with a decimal point or a Dutch decimal comma ("32,5"), no thousands separators.</summary>
    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private void Problem(Column column, string? raw, string reason) => _problems.Add(new RowProblem(column.Name, raw, reason));

    private void Problem(string field, string? raw, string reason) => _problems.Add(new RowProblem(field, raw, reason));
}
