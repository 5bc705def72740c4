using Analytics.Tickets;

namespace Analytics.Demo;

/// <summary>The demo department: six teams, 56 agents with fictional names, contracts and start dates.</summary>
internal static class DemoOrganisation
{
    public const string TimeZone = "Europe/Amsterdam";

    private static readonly (string Name, int Agents, decimal Shrinkage, TimeOnly Start, TimeOnly End)[] TeamShapes =
    [
        (DemoCatalog.ServiceDesk, 12, 0.35m, new TimeOnly(7, 30), new TimeOnly(18, 0)),
        (DemoCatalog.Workplace, 10, 0.30m, new TimeOnly(8, 0), new TimeOnly(17, 30)),
        (DemoCatalog.Network, 8, 0.30m, new TimeOnly(8, 0), new TimeOnly(17, 30)),
        (DemoCatalog.Applications, 10, 0.30m, new TimeOnly(8, 30), new TimeOnly(17, 30)),
        (DemoCatalog.Identity, 7, 0.30m, new TimeOnly(8, 0), new TimeOnly(17, 0)),
        (DemoCatalog.Infrastructure, 9, 0.30m, new TimeOnly(8, 0), new TimeOnly(17, 30)),
    ];

    private static readonly string[] FirstNames =
    [
        "Sanne", "Daan", "Fatima", "Thijs", "Lotte", "Mohamed", "Eva", "Bram", "Noor", "Jeroen",
        "Anouk", "Kevin", "Iris", "Youssef", "Femke", "Ruben", "Sophie", "Niels", "Ayşe", "Joost",
        "Marloes", "Tim", "Priya", "Wouter", "Esther", "Stefan", "Lisa", "Mark", "Hanna", "Pieter",
        "Chantal", "Rick", "Mei", "Dennis", "Laura", "Sven", "Ilse", "Jasper", "Naima", "Koen",
        "Romy", "Martijn", "Julia", "Erik", "Samira", "Bart", "Yvonne", "Tom", "Zeynep", "Frank",
        "Linda", "Hugo", "Nadia", "Gijs", "Mirjam", "Arjen", "Olga", "Luuk",
    ];

    private static readonly string[] LastNames =
    [
        "de Vries", "Jansen", "El Amrani", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
        "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
        "de Graaf", "van der Meer", "Kaur", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Berg", "van Dijk", "Schouten",
        "Willems", "Hoekstra", "Chen", "Koster", "Verhoeven", "Prins", "Huisman", "Post", "Kuipers", "Veenstra",
        "Kramer", "van den Broek", "Boer", "Scholten", "Haddou", "Wuyts", "Bosch", "Maas", "Yilmaz", "Timmermans",
        "Groen", "Gerritsen", "Benali", "Lammers", "Molenaar", "van Wijk", "Petrova", "Sluiter",
    ];

    /// <summary>Contracts cycle through a realistic mix: mostly full-time, some 36, 32 and 24 hours.</summary>
    private static readonly decimal[] ContractCycle = [40m, 36m, 40m, 32m, 40m, 40m, 36m, 24m, 40m, 32m];

    public static IReadOnlyList<Team> Teams() =>
    [
        .. TeamShapes.Select(shape => new Team
        {
            Name = shape.Name,
            ManagerEmails = [ManagerEmail(shape.Name)],
            TimeZone = TimeZone,
            WorkdayStart = shape.Start,
            WorkdayEnd = shape.End,
            Shrinkage = shape.Shrinkage,
        }),
    ];

    /// <summary>
    /// Agents in team order. One agent per team (the third) joined during the period; the fifth agent
    /// of two teams opted out of recognition.
    /// </summary>
    public static IReadOnlyList<Agent> Agents(DateOnly firstDay, DateOnly lastDay)
    {
        var agents = new List<Agent>();
        var index = 0;
        foreach (var shape in TeamShapes)
        {
            for (var i = 0; i < shape.Agents; i++, index++)
            {
                var joinsMidPeriod = i == 2;
                agents.Add(new Agent
                {
                    Name = $"{FirstNames[index]} {LastNames[index]}",
                    Team = shape.Name,
                    ContractHours = ContractCycle[index % ContractCycle.Length],
                    ManagerEmail = ManagerEmail(shape.Name),
                    RecognitionOptOut = i == 4 && (shape.Name == DemoCatalog.Workplace || shape.Name == DemoCatalog.Applications),
                    StartDate = joinsMidPeriod
                        ? firstDay.AddDays((lastDay.DayNumber - firstDay.DayNumber) * (3 + (index % 3)) / 10)
                        : firstDay.AddDays(-400 - (index * 37)),
                });
            }
        }

        return agents;
    }

    public static string ManagerEmail(string team) =>
        "lead." + new string([.. team.ToLowerInvariant().Where(char.IsLetter)]) + "@example.org";
}
