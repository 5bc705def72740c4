using System.Globalization;

namespace Analytics.Privacy;

/// <summary>
/// One row of a table of teams as a reader may see it: a team on its own, or smaller teams merged into
/// one row so that none of them can be told apart (see <see cref="PrivacyPolicy.TeamRows"/>).
/// </summary>
/// <param name="Label">What the row is called: the team's name, or <see cref="SmallerTeams"/>.</param>
/// <param name="Teams">The teams whose figures the row adds up, in name order.</param>
/// <param name="People">People in those teams together.</param>
/// <param name="Shown">
/// False when the row may not be shown at all: a team the scope may not see and that has no other team
/// to merge with (a team's own view for an agent of a small team, or a department that is itself too small).
/// </param>
public sealed record TeamRow(string Label, IReadOnlyList<string> Teams, int People, bool Shown)
{
    public bool Merged => Teams.Count > 1;

    /// <summary>The merged row's name, saying what it holds: "Smaller teams (2 teams, 5 people)".</summary>
    public static string SmallerTeams(int teams, int people) =>
        string.Create(CultureInfo.InvariantCulture, $"Smaller teams ({teams} teams, {people} {(people == 1 ? "person" : "people")})");
}
