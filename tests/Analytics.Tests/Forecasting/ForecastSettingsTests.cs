using System.ComponentModel.DataAnnotations;
using Analytics.Forecasting;
using Analytics.Forecasting.Staffing;

namespace Analytics.Tests.Forecasting;

/// <summary>Bad settings stop the worker with a message naming the setting.</summary>
public sealed class ForecastSettingsTests
{
    private static List<string> Errors(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }

    [Fact]
    public void Defaults_AreValid()
    {
        Assert.Empty(Errors(new ForecastOptions()));
        Assert.Empty(Errors(new StaffingOptions()));
    }

    [Fact]
    public void ForecastOptions_HorizonOutOfRange_NamesTheSetting()
    {
        Assert.Contains(Errors(new ForecastOptions { DailyHorizon = 0 }), e => e.Contains("Forecast:DailyHorizon", StringComparison.Ordinal));
    }

    [Fact]
    public void ForecastOptions_SummerEndsBeforeItStarts_NamesBothSettings()
    {
        var error = Assert.Single(Errors(new ForecastOptions { SummerFirstWeek = 35, SummerLastWeek = 28 }));
        Assert.Contains("Forecast:SummerFirstWeek", error, StringComparison.Ordinal);
        Assert.Contains("Forecast:SummerLastWeek", error, StringComparison.Ordinal);
    }

    [Fact]
    public void StaffingOptions_QueueWithServiceLevelOfOne_NamesTheQueue()
    {
        var options = new StaffingOptions { Queues = { new QueueSettings { Channel = "phone", ServiceLevel = 1 } } };
        Assert.Contains(Errors(options), e => e.Contains("Staffing:Queues entry 'phone'", StringComparison.Ordinal));
    }

    [Fact]
    public void StaffingOptions_LeaveEndingBeforeItStarts_IsRejected()
    {
        var options = new StaffingOptions { Leave = { new PlannedLeave { Agent = "Sanne de Vries", From = new DateOnly(2026, 12, 1), To = new DateOnly(2026, 11, 1) } } };
        Assert.Contains(Errors(options), e => e.Contains("Staffing:Leave", StringComparison.Ordinal));
    }

    [Fact]
    public void StaffingOptions_NegativeHandlingMinutes_NamesTheCategory()
    {
        var options = new StaffingOptions { HandlingMinutes = { ["Hardware"] = -5 } };
        Assert.Contains(Errors(options), e => e.Contains("Staffing:HandlingMinutes:Hardware", StringComparison.Ordinal));
    }
}
