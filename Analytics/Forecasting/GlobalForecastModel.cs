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

    private GlobalForecastModel(MLContext ml, ITransformer model, SchemaDefinition schema, DataViewSchema? inputSchema)
    {
        _ml = ml;
        _model = model;
        _schema = schema;
        _inputSchema = inputSchema;
    }

    public static GlobalForecastModel Train(IReadOnlyList<ForecastRow> rows, int featureCount, ForecastOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var ml = new MLContext(options.Seed);
        var schema = Schema(featureCount);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
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
        return new GlobalForecastModel(ml, model, schema, data.Schema);
    }

    /// <summary>Predicted ratios (count / scale), one per row, never negative.</summary>
    public float[] Predict(IReadOnlyList<ForecastRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return [];
        }

        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(rows, _schema));
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

    public static GlobalForecastModel FromBytes(byte[] bytes, int featureCount)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var ml = new MLContext();
        using var stream = new MemoryStream(bytes, writable: false);
        var model = ml.Model.Load(stream, out var inputSchema);
        return new GlobalForecastModel(ml, model, Schema(featureCount), inputSchema);
    }

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(ForecastRow));
        schema[nameof(ForecastRow.Numeric)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }
}
