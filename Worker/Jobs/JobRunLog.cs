using Analytics.Storage;
using Dapper;

namespace Worker.Jobs;

/// <summary>The job_runs table: which worker ran which fire of which job, when, and how it ended.</summary>
public sealed class JobRunLog(IDbConnectionFactory connections, TimeProvider time)
{
    private SqlDialect Dialect => connections.Dialect;

    public async Task StartedAsync(string fireInstanceId, string job, DateTimeOffset? scheduledFireAt, string instanceId, bool recovering, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            Dialect.Upsert(
                "job_runs",
                ["fire_instance_id"],
                ["fire_instance_id", "job", "scheduled_fire_at", "instance_id", "recovering", "started_at", "finished_at", "outcome", "detail"]),
            new
            {
                fire_instance_id = fireInstanceId,
                job,
                scheduled_fire_at = DbValue(Dialect.ToDb(scheduledFireAt)),
                instance_id = instanceId,
                recovering = Dialect.ToDb(recovering),
                started_at = Dialect.ToDb(time.GetUtcNow()),
                finished_at = (object?)null,
                outcome = (string?)null,
                detail = (string?)null,
            },
            cancellationToken: cancellationToken));
    }

    public async Task FinishedAsync(string fireInstanceId, string outcome, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {Dialect.Table("job_runs")} SET finished_at = @now, outcome = @outcome, detail = @detail WHERE fire_instance_id = @fireInstanceId",
            new { fireInstanceId, outcome, detail, now = Dialect.ToDb(time.GetUtcNow()) },
            cancellationToken: cancellationToken));
    }

    /// <summary>The latest run of each job.</summary>
    public async Task<IReadOnlyDictionary<string, JobRun>> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT r.job, r.started_at, r.finished_at, r.outcome, r.instance_id, r.detail
            FROM {Dialect.Table("job_runs")} r
            WHERE r.started_at = (SELECT MAX(l.started_at) FROM {Dialect.Table("job_runs")} l WHERE l.job = r.job)
            """,
            cancellationToken: cancellationToken));
        var runs = new Dictionary<string, JobRun>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            runs[reader.GetString(0)] = new JobRun(
                reader.GetString(0),
                Dialect.ReadInstant(reader, 1),
                Dialect.ReadNullableInstant(reader, 2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5));
        }

        return runs;
    }

    private static object? DbValue(object value) => value is DBNull ? null : value;
}

/// <summary>One recorded run of a job.</summary>
public sealed record JobRun(string Job, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Outcome, string InstanceId, string? Detail);
