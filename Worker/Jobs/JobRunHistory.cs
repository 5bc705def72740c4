using Analytics.Storage;
using Dapper;

namespace Worker.Jobs;

/// <summary>Past runs of one job from job_runs, newest first: what <c>jobs history NAME</c> prints.</summary>
public sealed class JobRunHistory(IDbConnectionFactory connections)
{
    private SqlDialect Dialect => connections.Dialect;

    /// <summary>The <paramref name="last"/> newest runs of <paramref name="job"/>, each with the interrupted run it reran.</summary>
    public async Task<IReadOnlyList<JobRun>> LastAsync(string job, int last, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT r.job, r.started_at, r.finished_at, r.outcome, r.instance_id, r.detail, r.fire_instance_id,
                   p.fire_instance_id, p.started_at, p.instance_id
            FROM {Dialect.Table("job_runs")} r
            LEFT JOIN {Dialect.Table("job_runs")} p ON p.fire_instance_id = r.replaces_fire_instance_id
            WHERE r.job = @job
            ORDER BY r.started_at DESC
            """,
            new { job },
            cancellationToken: cancellationToken));

        // No LIMIT: its spelling differs per engine, and the reader stops after the rows it needs.
        var runs = new List<JobRun>();
        while (runs.Count < last && await reader.ReadAsync(cancellationToken))
        {
            runs.Add(JobRun.Read(reader, Dialect));
        }

        return runs;
    }
}
