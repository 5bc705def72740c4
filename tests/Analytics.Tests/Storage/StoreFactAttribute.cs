using Xunit.Abstractions;
using Xunit.Sdk;

namespace Analytics.Tests.Storage;

/// <summary>
/// A fact of the shared store test set. It runs like <see cref="FactAttribute"/>, except that in a
/// test class marked <see cref="RequiresEnvironmentVariableAttribute"/> it is reported as skipped
/// while that variable is not set (xunit 2 has no dynamic skip, so the decision is made at discovery).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Analytics.Tests.Storage.StoreFactDiscoverer", "Analytics.Tests")]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>The store facts of this class need an environment variable, e.g. a server's connection string.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class RequiresEnvironmentVariableAttribute(string name, string purpose) : Attribute
{
    public string Name { get; } = name;

    /// <summary>What the variable holds, for the skip message.</summary>
    public string Purpose { get; } = purpose;
}

/// <summary>Discovers <see cref="StoreFactAttribute"/> tests, skipping them when the class's required variable is unset.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var requirement = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentVariableAttribute)).FirstOrDefault();
        if (requirement is not null)
        {
            var name = requirement.GetNamedArgument<string>(nameof(RequiresEnvironmentVariableAttribute.Name));
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)))
            {
                var purpose = requirement.GetNamedArgument<string>(nameof(RequiresEnvironmentVariableAttribute.Purpose));
                return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, $"Set {name} to {purpose} to run this test.")];
            }
        }

        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
