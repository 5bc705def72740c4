using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analytics.Storage;
using Dapper;

namespace Analytics.Forecasting;

/// <summary>Trained models and their metadata in the store (table forecast_models).</summary>
public sealed class ForecastModelStore(IDbConnectionFactory connections)
{
    /// <summary>Models kept per frequency; older ones are deleted when a new one is saved.</summary>
    public const int Kept = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private SqlDialect Dialect => connections.Dialect;

    public async Task SaveAsync(ForecastModelMetadata metadata, byte[]? model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var all = metadata.Summary();
        var teams = metadata.Summary(SeriesLevel.Team);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO {Dialect.Table("forecast_models")}
                (frequency, created_at, data_from, data_to, grain, series_count, features,
                 mase_model, mase_seasonal_naive, mase_chosen, coverage_80, coverage_95, metadata, model)
            VALUES (@frequency, @created_at, @data_from, @data_to, @grain, @series_count, @features,
                 @mase_model, @mase_seasonal_naive, @mase_chosen, @coverage_80, @coverage_95, @metadata, @model)
            """,
            new
            {
                frequency = Name(metadata.Frequency),
                created_at = Dialect.ToDb(metadata.CreatedAt),
                data_from = Dialect.ToDb(metadata.DataFrom),
                data_to = Dialect.ToDb(metadata.DataTo),
                grain = metadata.Grain.ToString().ToLowerInvariant(),
                series_count = metadata.Series.Count,
                features = string.Join(',', metadata.Features),
                mase_model = teams.ModelMase,
                mase_seasonal_naive = teams.SeasonalNaiveMase,
                mase_chosen = teams.ChosenMase,
                coverage_80 = all.Coverage80,
                coverage_95 = all.Coverage95,
                metadata = JsonSerializer.Serialize(metadata, Json),
                model,
            },
            transaction,
            cancellationToken: cancellationToken));

        var ids = (await connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT id FROM {Dialect.Table("forecast_models")} WHERE frequency = @frequency ORDER BY created_at DESC, id DESC",
            new { frequency = Name(metadata.Frequency) },
            transaction,
            cancellationToken: cancellationToken))).ToList();
        foreach (var id in ids.Skip(Kept))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {Dialect.Table("forecast_models")} WHERE id = @id", new { id }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The newest model of <paramref name="frequency"/>, or null when none was trained yet.</summary>
    public async Task<StoredForecastModel?> GetLatestAsync(SeriesFrequency frequency, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT MAX(id) FROM {Dialect.Table("forecast_models")} WHERE frequency = @frequency",
            new { frequency = Name(frequency) },
            cancellationToken: cancellationToken));
        if (id is null)
        {
            return null;
        }

        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT id, metadata, model FROM {Dialect.Table("forecast_models")} WHERE id = @id",
            new { id },
            cancellationToken: cancellationToken));
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var metadata = JsonSerializer.Deserialize<ForecastModelMetadata>(reader.GetString(1), Json)
            ?? throw new InvalidDataException($"Forecast model {id} has no metadata.");
        var model = reader.IsDBNull(2) ? null : reader.GetFieldValue<byte[]>(2);
        return new StoredForecastModel(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), metadata, model);
    }

    private static string Name(SeriesFrequency frequency) => frequency == SeriesFrequency.Daily ? "daily" : "weekly";
}

/// <summary>A stored model: its row id, metadata and ML.NET bytes (null when only baselines were possible).</summary>
public sealed record StoredForecastModel(long Id, ForecastModelMetadata Metadata, byte[]? Model);
