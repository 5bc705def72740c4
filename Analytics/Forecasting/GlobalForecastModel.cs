using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Analytics.Forecasting;

/// <summary>
/// One ML.NET regression model over all series: the series identity one-hot encoded next to the numeric
/// features, boosted trees with a Tweedie objective (counts are non-negative and their variance grows with
/// their mean). It predicts the ratio of the target count to the series' scale.
/// </summary>
internal sealed class GlobalForecastModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly SchemaDefinition _schema;
    private readonly DataViewSchema? _inputSchema;

    /// <summary>The value of a feature the history is too short to know, when the model is trained in that mode.</summary>
    internal const float MissingFeature = -1f;

    private GlobalForecastModel(MLContext ml, ITransformer model, SchemaDefinition schema, DataViewSchema? inputSchema, bool missingAsSentinel)
    {
        _ml = ml;
        _model = model;
        _schema = schema;
        _inputSchema = inputSchema;
        MissingAsSentinel = missingAsSentinel;
    }

    /// <summary>
    /// FastTree skips every training row with a missing feature. With enough complete rows that is what
    /// happens (a long lag is unknown only early in a series). With a short history a long lag is
    /// unknown in every row and training would fail outright, so then unknown features become
    /// <see cref="MissingFeature"/> (the ratio features are never negative), in training and in prediction.
    /// </summary>
    public bool MissingAsSentinel { get; }

    /// <param name="minimumCompleteRows">Fewer complete rows than this switch to <see cref="MissingAsSentinel"/>.</param>
    public static GlobalForecastModel Train(IReadOnlyList<ForecastRow> rows, int featureCount, ForecastOptions options, int minimumCompleteRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var complete = rows.Where(r => !HasMissing(r)).ToList();
        var sentinel = complete.Count < minimumCompleteRows;
        IReadOnlyList<ForecastRow> training = sentinel ? [.. rows.Select(WithSentinels)] : complete;
        var ml = new MLContext(options.Seed);
        var schema = Schema(featureCount);
        var data = ml.Data.LoadFromEnumerable(training, schema);
        var trainer = ml.Regression.Trainers.FastTreeTweedie(new FastTreeTweedieTrainer.Options
        {
            LabelColumnName = nameof(ForecastRow.Label),
            FeatureColumnName = "Features",
            ExampleWeightColumnName = nameof(ForecastRow.Weight),
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            Index = options.TweediePower,
            MinimumExampleCountPerLeaf = 20,
            NumberOfThreads = options.Threads > 0 ? options.Threads : null,
            Seed = options.Seed,
        });
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("SeriesVector", nameof(ForecastRow.SeriesId))
            .Append(ml.Transforms.Concatenate("Features", nameof(ForecastRow.Numeric), "SeriesVector"))
            .Append(trainer);

        // ML.NET offers no public way to stop a Fit midway: cancellation is honoured before and after it,
        // and a Fit on the largest data here takes seconds.
        cancellationToken.ThrowIfCancellationRequested();
        var model = pipeline.Fit(data);
        cancellationToken.ThrowIfCancellationRequested();
        return new GlobalForecastModel(ml, model, schema, data.Schema, sentinel);
    }

    /// <summary>Predicted ratios (count / scale), one per row, never negative.</summary>
    public float[] Predict(IReadOnlyList<ForecastRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }

        var input = MissingAsSentinel ? [.. rows.Select(WithSentinels)] : rows;
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(input, _schema));
        var scores = scored.GetColumn<float>("Score").ToArray();
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = float.IsFinite(scores[i]) ? Math.Max(0, scores[i]) : 0;
        }

        return scores;
    }

    /// <summary>The model as ML.NET's zip format, for the store.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        _ml.Model.Save(_model, _inputSchema, stream);
        return stream.ToArray();
    }

    public static GlobalForecastModel FromBytes(byte[] bytes, int featureCount, bool missingAsSentinel)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var ml = new MLContext();
        using var stream = new MemoryStream(bytes, writable: false);
        var model = ml.Model.Load(stream, out var inputSchema);
        return new GlobalForecastModel(ml, model, Schema(featureCount), inputSchema, missingAsSentinel);
    }

    private static bool HasMissing(ForecastRow row) => row.Numeric.Any(float.IsNaN);

    private static ForecastRow WithSentinels(ForecastRow row) => !HasMissing(row) ? row : new ForecastRow
    {
        Label = row.Label,
        Weight = row.Weight,
        SeriesId = row.SeriesId,
        Numeric = [.. row.Numeric.Select(v => float.IsNaN(v) ? MissingFeature : v)],
    };

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(ForecastRow));
        schema[nameof(ForecastRow.Numeric)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}
