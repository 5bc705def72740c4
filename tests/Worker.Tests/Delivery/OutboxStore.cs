using Microsoft.Data.Sqlite;

namespace Worker.Tests.Delivery;

/// <summary>Reads a test folder's outbox directly, as a real worker process left it.</summary>
internal static class OutboxStore
{
    public static (string Status, int Attempts, string? LastError) Row(string folder, string recipient)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "analytics.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, attempts, last_error FROM outbox WHERE recipient = $recipient";
        command.Parameters.AddWithValue("$recipient", recipient);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"No outbox row for {recipient}.");
        return (reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    public static IReadOnlyList<string> LogResults(string folder, string recipient)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "analytics.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT result FROM delivery_log WHERE recipient = $recipient ORDER BY id";
        command.Parameters.AddWithValue("$recipient", recipient);
        using var reader = command.ExecuteReader();
        var results = new List<string>();
        while (reader.Read())
        {
            results.Add(reader.GetString(0));
        }

        return results;
    }

    public static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, Func<string>? explain = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, $"Condition not met within {timeout}. {explain?.Invoke()}");
            await Task.Delay(50);
        }
    }
}
