using Analytics.Text;

namespace Analytics.Quality;

/// <summary>
/// What the figures of a week rest on, and what is missing from it: reports print this so a manager
/// knows how far to trust them.
/// </summary>
/// <param name="DataAsOf">The newest change in the store (tickets' updated-at): the data's as-of time.</param>
/// <param name="LastImport">When the last file import or sync finished, if any.</param>
/// <param name="Tickets">Tickets of the scope opened or resolved in the week.</param>
/// <param name="WithoutTeam">Of all the week's tickets (any team), those with no team: counted in no team's figures.</param>
/// <param name="ResolvedWithoutResolver">Resolved tickets with no resolver: credited to nobody.</param>
/// <param name="WithoutPriority">Tickets with no priority: never counted as priority-1.</param>
/// <param name="WithoutSlaOutcome">Resolved tickets with no SLA outcome: left out of SLA compliance.</param>
/// <param name="WithoutTimeRegistration">Resolved tickets with no registered time: their hours are estimates.</param>
/// <param name="QuarantinedRecently">Rows quarantined by imports in the last 30 days.</param>
public sealed record DataQualityReport(
    DateTimeOffset? DataAsOf,
    DateTimeOffset? LastImport,
    int Tickets,
    int WithoutTeam,
    int ResolvedWithoutResolver,
    int WithoutPriority,
    int WithoutSlaOutcome,
    int WithoutTimeRegistration,
    int QuarantinedRecently)
{
    /// <summary>Plain sentences about the gaps, empty when there are none worth saying.</summary>
    public IReadOnlyList<string> Notes(DateTimeOffset now, TimeSpan staleAfter) => [.. NotePhrases(now, staleAfter).Select(p => p.English)];

    /// <summary>The same as phrases, which a report says in its readers' language.</summary>
    public IReadOnlyList<Phrase> NotePhrases(DateTimeOffset now, TimeSpan staleAfter)
    {
        var notes = new List<Phrase>();
        if (DataAsOf is null)
        {
            notes.Add(Phrase.Fixed("Quality.Note.Empty", "The store holds no tickets: every figure in this report is empty."));
            return notes;
        }

        var age = now - DataAsOf.Value;
        if (age > staleAfter)
        {
            notes.Add(Phrase.Of("Quality.Note.Stale", $"The newest ticket change is {age.TotalHours:0} hours old: the sync may be late, and the last days may be incomplete."));
        }

        Add(notes, WithoutTeam, "Quality.Note.WithoutTeam", "ticket has no team and is counted in no team's figures", "tickets have no team and are counted in no team's figures");
        Add(notes, ResolvedWithoutResolver, "Quality.Note.WithoutResolver", "resolved ticket has no resolver and is credited to nobody", "resolved tickets have no resolver and are credited to nobody");
        Add(notes, WithoutPriority, "Quality.Note.WithoutPriority", "ticket has no priority", "tickets have no priority");
        Add(notes, WithoutSlaOutcome, "Quality.Note.WithoutSla", "resolved ticket has no SLA outcome and is left out of SLA compliance", "resolved tickets have no SLA outcome and are left out of SLA compliance");
        Add(notes, WithoutTimeRegistration, "Quality.Note.WithoutTime", "resolved ticket has no registered time; its hours are estimated", "resolved tickets have no registered time; their hours are estimated");
        Add(notes, QuarantinedRecently, "Quality.Note.Quarantined", "row from imports in the last 30 days could not be read and is in quarantine", "rows from imports in the last 30 days could not be read and are in quarantine");
        return notes;
    }

    private static void Add(List<Phrase> notes, int count, string key, string one, string many)
    {
        if (count > 0)
        {
            notes.Add(count == 1
                ? Phrase.Fixed(key + ".One", "1 " + one + ".")
                : new Phrase(key + ".Other", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{count:N0} {many}."), [count]));
        }
    }
}
