using Analytics.Recognition;
using Analytics.Tickets;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Recognition;

public sealed class WorkClassifierTests
{
    private static readonly WorkClassifier Default = new(Options.Create(new InvisibleWorkOptions()));

    [Theory]
    [InlineData(TicketKind.Incident, null, false, "Laptop start niet op", WorkCategory.UserIncidents)]
    [InlineData(TicketKind.Incident, Channel.Monitoring, true, "Alert: disk space low on FS01", WorkCategory.Monitoring)]
    [InlineData(TicketKind.Incident, Channel.Monitoring, false, "Back-upjob mislukt", WorkCategory.Monitoring)]
    [InlineData(TicketKind.Request, Channel.Portal, false, "Nieuw account aanmaken voor nieuwe medewerker", WorkCategory.Provisioning)]
    [InlineData(TicketKind.Request, Channel.Portal, false, "Certificaat vernieuwen voor VPN-gateway", WorkCategory.Maintenance)]
    [InlineData(TicketKind.Task, null, false, "Onboarding: laptop klaarzetten", WorkCategory.Provisioning)]
    [InlineData(TicketKind.Task, null, false, "Maandelijkse patchronde servers", WorkCategory.Maintenance)]
    [InlineData(TicketKind.Task, null, true, "Licentietelling bijwerken", WorkCategory.Provisioning)]
    [InlineData(TicketKind.Task, null, true, "Controle", WorkCategory.Maintenance)]
    [InlineData(TicketKind.Task, Channel.Phone, false, "Terugbelverzoek", WorkCategory.UserIncidents)]
    [InlineData(TicketKind.Change, null, true, "Release 4.2", WorkCategory.Changes)]
    [InlineData(TicketKind.Problem, null, true, "Probleem: DHCP-pool raakt vol", WorkCategory.Problems)]
    [InlineData(TicketKind.Maintenance, null, true, "Restoretest", WorkCategory.Maintenance)]
    public void DefaultRules_SortCommonDutchAndEnglishWork(TicketKind kind, Channel? channel, bool proactive, string title, WorkCategory expected)
    {
        Assert.Equal(expected, Default.Classify(kind, channel, proactive, null, null, title));
    }

    [Fact]
    public void ConfiguredRules_ReplaceTheDefaults_AndMatchOnCategory()
    {
        var options = new InvisibleWorkOptions { Rules = [new WorkRule { Category = WorkCategory.Changes, CategoryPattern = "^Wijziging" }, new WorkRule { Category = WorkCategory.UserIncidents }] };
        var classifier = new WorkClassifier(Options.Create(options));

        Assert.Equal(WorkCategory.Changes, classifier.Classify(TicketKind.Request, null, false, "Wijzigingen", null, "x"));
        Assert.Equal(WorkCategory.UserIncidents, classifier.Classify(TicketKind.Change, null, false, "Other", null, "x"));
    }

    [Fact]
    public void InvalidPattern_IsRejectedNamingTheSetting()
    {
        var options = new InvisibleWorkOptions { Rules = [new WorkRule { Category = WorkCategory.Changes }, new WorkRule { Category = WorkCategory.Changes, Keywords = "(unclosed" }] };

        var error = Assert.Throws<OptionsValidationException>(() => new WorkClassifier(Options.Create(options)));

        Assert.Contains("InvisibleWork:Rules:1:Keywords: '(unclosed' is not a valid regular expression", error.Message, StringComparison.Ordinal);
    }
}
