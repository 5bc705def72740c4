using Benchmarks;
using BenchmarkDotNet.Running;

// "import" runs the end-to-end import bench (one long run: rows/s and peak memory), "eventlog" the event-log
// import (staging and fold: events/s and peak memory), "workload" the
// weekly metrics over a large history (and "workload-measure" is its child process), "forecast" the
// forecast training and backtest bench, "report" the weekly team report's rendering; anything else goes to BenchmarkDotNet for the micro-benchmarks.
if (args.Length > 0 && args[0] == "import")
{
    return await ImportBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "eventlog")
{
    return await EventLogBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "workload")
{
    return await WorkloadBench.RunAsync(args[1..]);
}

if (args.Length > 1 && args[0] == "workload-measure")
{
    return await WorkloadBench.MeasureAsync(args[1]);
}

if (args.Length > 0 && args[0] == "report")
{
    return await ReportBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "forecast")
{
    return ForecastBench.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(ImportBench).Assembly).Run(args);
return 0;
