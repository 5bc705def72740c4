using System.Reflection;

namespace Reports.Tests.Architecture;

public sealed class ReportsDependencyTests
{
    [Fact]
    public void Reports_ReferencesNoSchedulerMailOrHost()
    {
        var reports = Assembly.Load(new AssemblyName("Reports"));
        var referenced = reports.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();

        Assert.DoesNotContain(referenced, n => n.StartsWith("Quartz", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(referenced, n => n.StartsWith("MailKit", StringComparison.OrdinalIgnoreCase) || n.StartsWith("MimeKit", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(referenced, n => n.StartsWith("Microsoft.Extensions.Hosting", StringComparison.OrdinalIgnoreCase));
    }
}
