using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Import.EventLog;
using Analytics.Tickets;

namespace Analytics.Import.Profiles;

/// <summary>
/// The mapping file of the <c>generic</c> profile: a JSON document that says which column of an export holds
/// which canonical ticket field, for ticketing systems without a profile of their own.
/// <code>
/// {
///   "source": "myitsm",                  // optional: source name stored with the tickets; default "generic"
///   "dateFormat": "d/M/yyyy H:mm",       // optional: as ImportOptions.DateFormat; default: detected from the file
///   "timeZone": "Europe/Amsterdam",      // optional: as ImportOptions.TimeZone; default: each team's zone
///   "delimiter": ";",                    // optional: as ImportOptions.Delimiter; default: detected
///   "columns": {                         // canonical field (snake_case) -> column name in the file
///     "ticket_id": "Ref",                // required
///     "opened_at": "Logged",             // required
///     "title": "Subject",
///     "resolved_at": "Fixed"
///   },
///   "kind": {                            // optional; without it (or columns.kind) every ticket is an incident
///     "column": "Type",
///     "map": { "Fault": "incident", "Order": "request" },
///     "default": "incident"
///   },
///   "channel": { "column": "Via", "map": { "Phone call": "phone" } }
/// }
/// </code>
/// Settings given to the import explicitly (<see cref="ImportOptions"/>) win over the mapping's.
/// Property names are case-insensitive; comments and trailing commas are allowed; unknown properties and
/// unknown canonical fields are errors, so a typo stops the import instead of silently dropping a field.
/// The canonical fields are those of <see cref="Ticket"/> (see <see cref="CanonicalFields"/>); "kind" and
/// "channel" may also be given in "columns", which then uses the built-in words (as the other profiles do).
/// A kind value is looked up in "map", then as a canonical kind or a known word ("Storing", "Service
/// request"), then "default"; a value matching none is a row problem. A channel value is looked up in
/// "map", then as a canonical channel or a known word ("Telefonisch", "web"), then "default"; otherwise it is
/// left empty. Every column named must exist in the file.
/// The format is documented with an example in docs/generic-mapping.md.
/// </summary>
public sealed record GenericMapping
{
    /// <summary>The canonical field names a mapping may assign a column to.</summary>
    public static IReadOnlyList<string> CanonicalFields { get; } =
    [
        "source", "ticket_id", "kind", "title", "category", "subcategory", "priority", "channel", "team",
        "assignee", "resolved_by", "opened_at", "first_response_at", "resolved_at", "closed_at", "due_at",
        "sla_breached", "reopen_count", "reassignment_count", "proactive", "time_spent_minutes", "problem_id",
        "caused_by_change", "updated_at",
    ];

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Source name stored with the tickets when the command line gives none.</summary>
    public string? Source { get; init; }

    /// <summary>Date layout ("iso", "d/M/yyyy", "dd-MM-yyyy", "M/d/yyyy" or a .NET format) when the command line gives none.</summary>
    public string? DateFormat { get; init; }

    /// <summary>IANA zone of the file's wall-clock times when the command line gives none.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Field delimiter (one character) when the command line gives none.</summary>
    public string? Delimiter { get; init; }

    /// <summary>Canonical field (snake_case) to the column that holds it.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>How the ticket kind is read.</summary>
    public GenericValueMap? Kind { get; init; }

    /// <summary>How the channel is read.</summary>
    public GenericValueMap? Channel { get; init; }

    /// <summary>When given, the file is an event log: one row per event, folded into tickets per case.</summary>
    public EventLogMapping? EventLog { get; init; }

    /// <summary>Every column (or XES attribute) the mapping reads, each once.</summary>
    public IReadOnlyList<string> NamedColumns()
    {
        var names = new List<string>(Columns.Values);
        names.AddRange(new[] { Kind?.Column, Channel?.Column, EventLog?.Case, EventLog?.Timestamp, EventLog?.Team, EventLog?.Assignee }.OfType<string>());
        names.AddRange(EventLog?.Activity ?? []);
        return names.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The column of a canonical field, or null when the mapping does not map it.</summary>
    public string? ColumnOf(string field) =>
        Columns.FirstOrDefault(c => string.Equals(c.Key, field, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Reads and checks a mapping file; every fault is an <see cref="ImportFileException"/> naming the file.</summary>
    public static GenericMapping Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new ImportFileException("The 'generic' profile needs a mapping file (JSON, see docs/generic-mapping.md); none was given.");
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImportFileException($"Mapping file '{path}' not found.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImportFileException($"Mapping file '{path}' cannot be read: {ex.Message}", ex);
        }

        GenericMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<GenericMapping>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            // System.Text.Json appends "Path: $.x | LineNumber: 0 | BytePositionInLine: 3." (zero-based); say it once, one-based.
            var message = ex.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
            throw new ImportFileException($"Mapping file '{path}' is not a valid mapping{where}: {message.TrimEnd('.')}.", ex);
        }

        if (mapping is null)
        {
            throw new ImportFileException($"Mapping file '{path}' is not a valid mapping: it holds no JSON object.");
        }

        var errors = mapping.Check();
        if (errors.Count > 0)
        {
            throw new ImportFileException($"Mapping file '{path}' is not a valid mapping: {string.Join("; ", errors)}.");
        }

        return mapping;
    }

    private List<string> Check()
    {
        var errors = new List<string>();
        if (Columns is null)
        {
            errors.Add("\"columns\" is missing");
            return errors;
        }

        foreach (var (field, column) in Columns)
        {
            if (!CanonicalFields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"unknown canonical field '{field}' in \"columns\" (known fields: {string.Join(", ", CanonicalFields)})");
            }
            else if (string.IsNullOrWhiteSpace(column))
            {
                errors.Add($"no column name for '{field}' in \"columns\"");
            }
        }

        if (EventLog is null)
        {
            foreach (var required in new[] { "ticket_id", "opened_at" })
            {
                if (ColumnOf(required) is null)
                {
                    errors.Add($"\"columns\" must map '{required}'");
                }
            }
        }
        else
        {
            errors.AddRange(EventLog.Check());
            foreach (var derived in EventLogMapping.DerivedFields.Where(f => ColumnOf(f) is not null))
            {
                errors.Add($"\"columns\" maps '{derived}', which an event log derives from its events (see \"eventLog\")");
            }
        }

        CheckValueMap("kind", Kind, text => CanonicalNames.TryParseKind(text, out _), "incident, request, change, problem, task, maintenance", errors);
        CheckValueMap("channel", Channel, text => CanonicalNames.TryParseChannel(text, out _), "phone, email, portal, chat, walk_in, monitoring", errors);
        if (DateFormat is not null && string.IsNullOrWhiteSpace(DateFormat))
        {
            errors.Add("\"dateFormat\" is empty");
        }

        if (Delimiter is not null && Delimiter.Length != 1)
        {
            errors.Add($"\"delimiter\" must be one character, not '{Delimiter}'");
        }

        if (TimeZone is not null)
        {
            try
            {
                LocalTime.FindZone(TimeZone);
            }
            catch (ImportFileException ex)
            {
                errors.Add(ex.Message.TrimEnd('.'));
            }
        }

        return errors;
    }

    private void CheckValueMap(string name, GenericValueMap? map, Func<string, bool> isCanonical, string canonical, List<string> errors)
    {
        if (map is null)
        {
            return;
        }

        var shorthand = ColumnOf(name);
        if (map.Column is not null && shorthand is not null && !string.Equals(map.Column, shorthand, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"\"{name}.column\" ('{map.Column}') and \"columns\".{name} ('{shorthand}') disagree");
        }

        if ((map.Column ?? shorthand) is null && map.Map.Count > 0)
        {
            errors.Add($"\"{name}.map\" is given but no column: set \"{name}.column\"");
        }

        if (map.Map is null)
        {
            errors.Add($"\"{name}.map\" is null");
            return;
        }

        foreach (var (word, value) in map.Map)
        {
            if (value is null || !isCanonical(value))
            {
                errors.Add($"\"{name}.map\" maps '{word}' to '{value}', which is not one of {canonical}");
            }
        }

        if (map.Default is not null && !isCanonical(map.Default))
        {
            errors.Add($"\"{name}.default\" '{map.Default}' is not one of {canonical}");
        }
    }
}

/// <summary>A column whose words are translated into a canonical value (kind or channel).</summary>
public sealed record GenericValueMap
{
    /// <summary>The column holding the source's word.</summary>
    public string? Column { get; init; }

    /// <summary>Source word (case-insensitive) to canonical value.</summary>
    public IReadOnlyDictionary<string, string> Map { get; init; } = new Dictionary<string, string>();

    /// <summary>The canonical value for an empty or unknown word.</summary>
    public string? Default { get; init; }
}
