using Analytics.Workload;

namespace Analytics.Tests.Workload;

/// <summary>The selection-based median and 90th percentile must equal the sort-based ones bit for bit.</summary>
public sealed class PercentileTests
{
    public static TheoryData<string> Shapes() => ["random", "few distinct", "sorted", "reversed", "all equal", "organ pipe"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MedianAndP90_EqualTheSortedPercentiles_ForEverySizeAndShape(string shape)
    {
        var random = new Random(17);
        foreach (var size in Enumerable.Range(0, 120).Concat([255, 256, 1000, 4097]))
        {
            var values = Values(shape, size, random);
            var sorted = values.ToArray();

            var (median, p90) = Percentile.MedianAndP90(values);

            Assert.Equal(Percentile.Of(sorted, 0.5), median);
            Assert.Equal(Percentile.Of(sorted, 0.9), p90);
        }
    }

    [Fact]
    public void MedianAndP90_OfNothing_IsNull()
    {
        Assert.Equal((null, null), Percentile.MedianAndP90([]));
    }

    private static float[] Values(string shape, int size, Random random) => shape switch
    {
        "random" => [.. Enumerable.Range(0, size).Select(_ => (float)(random.NextDouble() * 500) - 10)],
        "few distinct" => [.. Enumerable.Range(0, size).Select(_ => (float)random.Next(4) / 3)],
        "sorted" => [.. Enumerable.Range(0, size).Select(i => i * 0.25f)],
        "reversed" => [.. Enumerable.Range(0, size).Select(i => (size - i) * 0.25f)],
        "all equal" => [.. Enumerable.Repeat(2.5f, size)],
        _ => [.. Enumerable.Range(0, size).Select(i => (float)Math.Min(i, size - i))],
    };
}
