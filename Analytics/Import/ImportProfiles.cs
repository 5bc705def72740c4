using Analytics.Import.Profiles;

namespace Analytics.Import;

/// <summary>The profiles the import command knows, by name.</summary>
public sealed class ImportProfiles
{
    private readonly Dictionary<string, Func<string?, IImportProfile>> _profiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["servicenow"] = _ => new ServiceNowProfile(),
        ["jira"] = _ => new JiraProfile(),
        ["topdesk"] = _ => new TopdeskProfile(),
        ["zendesk"] = _ => new ZendeskProfile(),
        ["generic"] = GenericProfile.FromFile,
    };

    public IReadOnlyCollection<string> Names => _profiles.Keys;

    public void Add(string name, Func<string?, IImportProfile> create) => _profiles[name] = create;

    public IImportProfile Get(string name, string? mappingFile)
    {
        if (_profiles.TryGetValue(name, out var create))
        {
            return create(mappingFile);
        }

        throw new ImportFileException($"Unknown profile '{name}'. Known profiles: {string.Join(", ", _profiles.Keys.Order(StringComparer.Ordinal))}.");
    }
}
