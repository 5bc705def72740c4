using System.Globalization;
using Analytics.Calendar;
using Analytics.Privacy;

namespace Reports.Documents;

/// <summary>
/// The file names of one run's reports: "weekly-service-desk-2026-W47.pdf". Unique by construction over
/// the scopes given: where two scopes would get the same readable name (teams "a/b" and "a b", "IT" and
/// "it" on a case-insensitive file system, two long names that cut alike, a team called "Department"),
/// and where a name had to be shortened or has no letters at all, the scope's piece gets '_' and a hash of
/// its full key. Names that are unique and whole stay as they read, so the usual case needs no decoding.
/// </summary>
public sealed class ReportFileNames
{
    private readonly Dictionary<ReportScope, string> _pieces;

    private ReportFileNames(Dictionary<ReportScope, string> pieces) => _pieces = pieces;

    /// <summary>Names for every scope of a run; pass them all at once, since a name depends on its neighbours.</summary>
    public static ReportFileNames For(IEnumerable<ReportScope> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var readable = new Dictionary<ReportScope, (string Slug, bool Whole)>();
        foreach (var scope in scopes.Distinct())
        {
            readable[scope] = Readable(scope);
        }

        // Compared ignoring case: NTFS and APFS would store "IT" and "it" as one file.
        var crowded = readable
            .Where(p => p.Key is not DepartmentScope)
            .GroupBy(p => p.Value.Slug, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1 || string.Equals(g.Key, Department, StringComparison.OrdinalIgnoreCase))
            .SelectMany(g => g.Select(p => p.Key))
            .ToHashSet();

        var pieces = new Dictionary<ReportScope, string>();
        foreach (var (scope, (slug, whole)) in readable)
        {
            pieces[scope] = whole && !crowded.Contains(scope) ? slug : FileNameText.WithHash(slug, scope.Key);
        }

        // A 40-bit hash cannot collide among a department's teams in practice; if it ever did, the full hash settles it.
        foreach (var clash in pieces.GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).SelectMany(g => g).ToList())
        {
            pieces[clash.Key] = FileNameText.WithHash(readable[clash.Key].Slug, clash.Key.Key, 64);
        }

        return new ReportFileNames(pieces);
    }

    /// <summary>"weekly-{scope}-2026-W47.pdf".</summary>
    public string FileName(ReportKind kind, ReportScope scope, IsoWeek week)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!_pieces.TryGetValue(scope, out var piece))
        {
            throw new ArgumentException($"No file name was prepared for the scope '{scope.Key}'.", nameof(scope));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{kind.ToString().ToLowerInvariant()}-{piece}-{week}.pdf");
    }

    private const string Department = "department";

    private static (string Slug, bool Whole) Readable(ReportScope scope)
    {
        switch (scope)
        {
            case DepartmentScope:
                return (Department, true);
            case AgentScope agent:
            {
                var slug = FileNameText.Slug(agent.Agent, FileNameText.MaxPieceBytes - 6, out var shortened);
                return ("agent-" + slug, slug.Length > 0 && !shortened);
            }

            case TeamScope team:
            {
                var slug = FileNameText.Slug(team.Team, FileNameText.MaxPieceBytes, out var shortened);
                return (slug.Length == 0 ? "team" : slug, slug.Length > 0 && !shortened);
            }

            default:
            {
                var slug = FileNameText.Slug(scope.Key, FileNameText.MaxPieceBytes, out var shortened);
                return (slug, slug.Length > 0 && !shortened);
            }
        }
    }
}
