using Analytics.Storage;
using Dapper;

namespace Worker.Jobs;

/// <summary>The job_runs table: which worker ran which fire of which job, when, and how it ended.</summary>
public sealed class JobRunLog(IDbConnectionFactory connections, TimeProvider time)
{
    /// <summary>The outcome of a run whose worker stopped before it ended.</summary>
    public const string Interrupted = "interrupted";

    private SqlDialect Dialect => connections.Dialect;

    /// <summary>
    /// Records a run as started. Every job is <see cref="Quartz.DisallowConcurrentExecutionAttribute"/>, which the
    /// clustered job store enforces across workers, so when a job starts no other run of it can still be going:
    /// one left without an end was cut off with its worker, and is marked "interrupted" here. A recovery (Quartz
    /// reruns the fire a dead worker was running) names the run it replaces.
    /// </summary>
    public async Task StartedAsync(string fireInstanceId, string job, DateTimeOffset? scheduledFireAt, string instanceId, bool recovering, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
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
                started_at = Dialect.ToDb(now),
                finished_at = (object?)null,
                outcome = (string?)null,
                detail = (string?)null,
            },
            transaction,
            cancellationToken: cancellationToken));
        await MarkInterruptedAsync(connection, transaction, "job = @job AND fire_instance_id <> @fireInstanceId", new { job, fireInstanceId, detail = $"its worker stopped during the run; found when the next run started on {instanceId} at {now:u}" }, cancellationToken);

        if (recovering)
        {
            // The newest interrupted run of the job that nothing replaces yet: the fire this recovery runs again.
            var replaced = await connection.QueryAsync<string>(new CommandDefinition(
                $"""
                SELECT r.fire_instance_id FROM {Dialect.Table("job_runs")} r
                WHERE r.job = @job AND r.outcome = '{Interrupted}' AND r.fire_instance_id <> @fireInstanceId
                  AND NOT EXISTS (SELECT 1 FROM {Dialect.Table("job_runs")} x WHERE x.replaces_fire_instance_id = r.fire_instance_id)
                ORDER BY r.started_at DESC
                """,
                new { job, fireInstanceId },
                transaction,
                cancellationToken: cancellationToken));
            if (replaced.FirstOrDefault() is { } original)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    $"UPDATE {Dialect.Table("job_runs")} SET replaces_fire_instance_id = @original WHERE fire_instance_id = @fireInstanceId",
                    new { original, fireInstanceId },
                    transaction,
                    cancellationToken: cancellationToken));
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// At a worker's start: runs recorded under its own instance id and still open were left by its previous
    /// process (a worker with a fixed id, or the single embedded one). Ids generated per process never recur;
    /// their runs are marked when the job next starts anywhere in the cluster.
    /// </summary>
    public async Task<int> MarkInterruptedAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var marked = await MarkInterruptedAsync(connection, transaction, "instance_id = @instanceId", new { instanceId, detail = $"its worker stopped during the run; found when {instanceId} started again at {time.GetUtcNow():u}" }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return marked;
    }

    private Task<int> MarkInterruptedAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, string which, object parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {Dialect.Table("job_runs")} SET outcome = '{Interrupted}', detail = @detail WHERE finished_at IS NULL AND outcome IS NULL AND {which}",
            parameters,
            transaction,
            cancellationToken: cancellationToken));

    public async Task FinishedAsync(string fireInstanceId, string outcome, string? detail, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {Dialect.Table("job_runs")} SET finished_at = @now, outcome = @outcome, detail = @detail WHERE fire_instance_id = @fireInstanceId",
            new { fireInstanceId, outcome, detail, now = Dialect.ToDb(time.GetUtcNow()) },
            cancellationToken: cancellationToken));
    }

    /// <summary>The latest run of each job, with the run it replaces when it is a rerun of an interrupted one.</summary>
    public async Task<IReadOnlyDictionary<string, JobRun>> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT r.job, r.started_at, r.finished_at, r.outcome, r.instance_id, r.detail, r.fire_instance_id,
                   p.fire_instance_id, p.started_at, p.instance_id
            FROM {Dialect.Table("job_runs")} r
            LEFT JOIN {Dialect.Table("job_runs")} p ON p.fire_instance_id = r.replaces_fire_instance_id
            WHERE r.started_at = (SELECT MAX(l.started_at) FROM {Dialect.Table("job_runs")} l WHERE l.job = r.job)
            """,
            cancellationToken: cancellationToken));
        var runs = new Dictionary<string, JobRun>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var run = JobRun.Read(reader, Dialect);
            runs[run.Job] = run;
        }

        return runs;
    }

    private static object? DbValue(object value) => value is DBNull ? null : value;
}

/// <summary>
/// One recorded run of a job. <see cref="Outcome"/> is null while it runs, else succeeded, failed, cancelled or
/// <see cref="JobRunLog.Interrupted"/>; <see cref="Replaces"/> is the interrupted run a recovery ran again.
/// </summary>
public sealed record JobRun(string Job, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Outcome, string InstanceId, string? Detail)
{
    public string FireInstanceId { get; init; } = string.Empty;

    /// <summary>
    /// A run from a row whose columns are job, started_at, finished_at, outcome, instance_id, detail,
    /// fire_instance_id, then the replaced run's fire_instance_id, started_at and instance_id (null without one).
    /// </summary>
    internal static JobRun Read(System.Data.Common.DbDataReader reader, Analytics.Storage.SqlDialect dialect) =>
        new(
            reader.GetString(0),
            dialect.ReadInstant(reader, 1),
            dialect.ReadNullableInstant(reader, 2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5))
        {
            FireInstanceId = reader.GetString(6),
            Replaces = reader.IsDBNull(7) ? null : new JobRunReference(reader.GetString(7), dialect.ReadInstant(reader, 8), reader.GetString(9)),
        };

    public JobRunReference? Replaces { get; init; }
}

/// <summary>Which run another one points back to: its Quartz fire id, when it started and on which worker.</summary>
public sealed record JobRunReference(string FireInstanceId, DateTimeOffset StartedAt, string InstanceId);
