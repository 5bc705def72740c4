namespace Analytics.Forecasting.Staffing;

/// <summary>
/// Erlang C: agents needed for a queue (phone, chat) where calls arrive at random (Poisson), wait until an
/// agent is free and take an exponentially distributed handling time (the M/M/N queue).
/// </summary>
public static class ErlangC
{
    /// <summary>
    /// The probability that a contact has to wait, for <paramref name="trafficErlangs"/> (arrival rate x
    /// handling time) and <paramref name="agents"/>; 1 when the agents cannot keep up (agents &lt;= traffic).
    /// </summary>
    public static double ProbabilityOfWaiting(double trafficErlangs, int agents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trafficErlangs);
        ArgumentOutOfRangeException.ThrowIfNegative(agents);
        if (trafficErlangs == 0)
        {
            return 0;
        }

        if (agents <= trafficErlangs)
        {
            return 1;
        }

        // Erlang B by its recursion B(k) = A B(k-1) / (k + A B(k-1)), which never overflows the way
        // A^N / N! does, then C = N B / (N - A (1 - B)).
        var b = 1.0;
        for (var k = 1; k <= agents; k++)
        {
            b = trafficErlangs * b / (k + (trafficErlangs * b));
        }

        return agents * b / (agents - (trafficErlangs * (1 - b)));
    }

    /// <summary>The share of contacts answered within <paramref name="answerSeconds"/>.</summary>
    public static double ServiceLevel(double trafficErlangs, int agents, double handlingSeconds, double answerSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(handlingSeconds);
        if (trafficErlangs == 0)
        {
            return 1;
        }

        if (agents <= trafficErlangs)
        {
            return 0;
        }

        var waiting = ProbabilityOfWaiting(trafficErlangs, agents);
        return 1 - (waiting * Math.Exp(-(agents - trafficErlangs) * answerSeconds / handlingSeconds));
    }

    /// <summary>Mean wait before an answer, over all contacts; infinite when the agents cannot keep up.</summary>
    public static double AverageSpeedOfAnswer(double trafficErlangs, int agents, double handlingSeconds)
    {
        if (trafficErlangs == 0)
        {
            return 0;
        }

        return agents <= trafficErlangs
            ? double.PositiveInfinity
            : ProbabilityOfWaiting(trafficErlangs, agents) * handlingSeconds / (agents - trafficErlangs);
    }

    /// <summary>
    /// The fewest agents that answer <see cref="QueueDemand.ServiceLevel"/> of contacts within
    /// <see cref="QueueDemand.AnswerSeconds"/> without keeping them busier than <see cref="QueueDemand.MaximumOccupancy"/>.
    /// </summary>
    public static QueueStaffing AgentsNeeded(QueueDemand demand)
    {
        ArgumentNullException.ThrowIfNull(demand);
        demand.Validate();
        var traffic = demand.Arrivals * demand.HandlingSeconds / demand.IntervalSeconds;
        if (traffic == 0)
        {
            return new QueueStaffing(0, 0, 1, 0, 0, 0);
        }

        // Occupancy below the maximum, and more agents than the traffic (at 100% occupancy the queue never empties).
        var agents = Math.Max((int)Math.Floor(traffic) + 1, (int)Math.Ceiling(traffic / demand.MaximumOccupancy));
        while (ServiceLevel(traffic, agents, demand.HandlingSeconds, demand.AnswerSeconds) < demand.ServiceLevel)
        {
            agents++;
        }

        return new QueueStaffing(
            agents,
            traffic,
            ServiceLevel(traffic, agents, demand.HandlingSeconds, demand.AnswerSeconds),
            ProbabilityOfWaiting(traffic, agents),
            AverageSpeedOfAnswer(traffic, agents, demand.HandlingSeconds),
            traffic / agents);
    }
}

/// <summary>A queue's work in one interval and the service it should get.</summary>
/// <param name="Arrivals">Contacts arriving in the interval.</param>
/// <param name="IntervalSeconds">Length of the interval, e.g. 1800 for half an hour.</param>
/// <param name="HandlingSeconds">Average handling time (talk plus wrap-up).</param>
/// <param name="ServiceLevel">Share to answer within <paramref name="AnswerSeconds"/>, e.g. 0.8.</param>
/// <param name="AnswerSeconds">Target answer time, e.g. 20.</param>
/// <param name="MaximumOccupancy">Highest share of time agents may spend handling, e.g. 0.85; 1 means no limit.</param>
public sealed record QueueDemand(double Arrivals, double IntervalSeconds, double HandlingSeconds, double ServiceLevel, double AnswerSeconds, double MaximumOccupancy)
{
    internal void Validate()
    {
        if (Arrivals < 0 || !double.IsFinite(Arrivals))
        {
            throw new ArgumentOutOfRangeException(nameof(Arrivals), Arrivals, "Arrivals must be zero or more.");
        }

        if (IntervalSeconds <= 0 || HandlingSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(HandlingSeconds), "The interval and the handling time must be positive.");
        }

        if (ServiceLevel is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ServiceLevel), ServiceLevel, "The service level must lie between 0 and 1 (exclusive).");
        }

        if (MaximumOccupancy is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumOccupancy), MaximumOccupancy, "The maximum occupancy must lie above 0 and at most 1.");
        }

        if (AnswerSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(AnswerSeconds), AnswerSeconds, "The answer time cannot be negative.");
        }
    }
}

/// <summary>Erlang C's answer for one interval.</summary>
/// <param name="TrafficErlangs">Arrival rate x handling time: the agents' worth of pure handling work.</param>
/// <param name="AverageSpeedOfAnswerSeconds">Mean wait over all contacts.</param>
public sealed record QueueStaffing(int Agents, double TrafficErlangs, double ServiceLevel, double ProbabilityOfWaiting, double AverageSpeedOfAnswerSeconds, double Occupancy);
