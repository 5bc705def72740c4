using System.Collections.Frozen;
using System.Reflection;
using System.Xml.Linq;

namespace Reports.Text;

/// <summary>
/// One language's texts, read from its .resx file embedded as it is (not compiled into a satellite assembly,
/// which a trimmed or filtered publish could leave behind and ResourceManager would then replace by English
/// without a word).
/// </summary>
internal static class StringTable
{
    public static FrozenDictionary<string, string> Load(string language)
    {
        var name = language == Wording.NeutralLanguage ? "Reports.Text.Strings.resx" : $"Reports.Text.Strings.{language}.resx";
        using var stream = typeof(StringTable).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The report texts for language '{language}' ({name}) are not in {typeof(StringTable).Assembly.GetName().Name}.");
        var document = XDocument.Load(stream);
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var data in document.Root!.Elements("data"))
        {
            var key = (string?)data.Attribute("name") ?? throw new InvalidOperationException($"{name}: a <data> element has no name.");
            var value = (string?)data.Element("value") ?? string.Empty;
            if (!table.TryAdd(key, value))
            {
                throw new InvalidOperationException($"{name}: the key '{key}' is there twice.");
            }
        }

        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The embedded resource names, for tests that check every language file is there.</summary>
    internal static IEnumerable<string> ResourceNames(Assembly assembly) => assembly.GetManifestResourceNames().Where(n => n.StartsWith("Reports.Text.", StringComparison.Ordinal));
}
