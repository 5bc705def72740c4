using Microsoft.Extensions.Logging;

namespace Analytics.Forecasting;

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Trained the {Frequency} forecast on {Series} series ({From:yyyy-MM-dd} to {To:yyyy-MM-dd}, {Rows} rows) in {Seconds:0.0} s; team MASE model {ModelMase:0.000}, seasonal naive {NaiveMase:0.000}, chosen {ChosenMase:0.000}; 80% interval coverage {Coverage80:P0}")]
    public static partial void Trained(ILogger logger, SeriesFrequency frequency, int series, DateOnly from, DateOnly to, int rows, double seconds, double? modelMase, double? naiveMase, double? chosenMase, double? coverage80);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No ticket history between {From:yyyy-MM-dd} and {To:yyyy-MM-dd}: no forecast model was trained, the last good model (if any) stays in use")]
    public static partial void NoHistory(ILogger logger, DateOnly from, DateOnly to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too little history for a {Frequency} model ({Rows} training rows): the forecasts use baselines")]
    public static partial void NoModel(ILogger logger, SeriesFrequency frequency, int rows);
}
