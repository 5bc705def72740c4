using System.Reflection;
using System.Text.Json;

namespace Analytics.Tests.Architecture;

/// <summary>Dependencies point one way, Worker -> Reports -> Analytics: the domain knows no scheduler, drawing or mail library.</summary>
public sealed class DependencyDirectionTests
{
    private static readonly string[] ForbiddenInAnalytics = ["Quartz", "SkiaSharp", "ScottPlot", "MailKit"];

    [Fact]
    public void AnalyticsAssembly_ReferencesNoQuartzSkiaSharpScottPlotOrMailKit()
    {
        var references = typeof(Analytics.Tickets.Ticket).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .ToList();

        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, IsForbidden);
    }

    [Fact]
    public void AnalyticsProject_DependsOnNoQuartzSkiaSharpScottPlotOrMailKitPackage()
    {
        // The assembly's references list only what its code uses; the test project's deps.json also
        // shows packages that Analytics pulls in without (yet) using them, including transitive ones.
        var depsFile = Path.Combine(AppContext.BaseDirectory, Assembly.GetExecutingAssembly().GetName().Name + ".deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var libraries = deps.RootElement.GetProperty("targets").EnumerateObject().First().Value;
        var analytics = libraries.EnumerateObject().Single(l => l.Name.StartsWith("Analytics/", StringComparison.Ordinal));

        var closure = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([analytics.Name.Split('/')[0]]);
        while (pending.TryPop(out var name))
        {
            if (!closure.Add(name))
            {
                continue;
            }

            var library = libraries.EnumerateObject().FirstOrDefault(l => l.Name.StartsWith(name + "/", StringComparison.OrdinalIgnoreCase));
            if (library.Value.ValueKind == JsonValueKind.Object && library.Value.TryGetProperty("dependencies", out var dependencies))
            {
                foreach (var dependency in dependencies.EnumerateObject())
                {
                    pending.Push(dependency.Name);
                }
            }
        }

        Assert.Contains("Dapper", closure);
        Assert.DoesNotContain(closure, IsForbidden);
    }

    private static bool IsForbidden(string name) =>
        ForbiddenInAnalytics.Any(f => name.Equals(f, StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(f + ".", StringComparison.OrdinalIgnoreCase));
}
