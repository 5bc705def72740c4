using System.Globalization;
using System.Text;

namespace Benchmarks;

/// <summary>Writes a ServiceNow-style incident export of any size, streaming, deterministic for a seed.</summary>
internal static class ServiceNowCsvWriter
{
    private static readonly string[] Groups = ["Service Desk", "Workplace", "Network & Security", "Applications", "Identity & Access", "Infrastructure"];
    private static readonly string[] Categories = ["Hardware", "Software", "Network", "Accounts", "Inquiry / Help"];
    private static readonly string[] Channels = ["phone", "email", "self-service", "chat", "walk-in", "monitoring"];
    private static readonly string[] Priorities = ["1 - Critical", "2 - High", "3 - Moderate", "4 - Low"];

    public static void Write(string path, int rows, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,opened_at,sys_updated_by,sys_updated_on,contact_type,location,category,subcategory,priority,assignment_group,assigned_to,problem_id,caused_by,resolved_by,resolved_at,closed_at,short_description\n");
        var start = new DateTime(2021, 1, 1, 8, 0, 0);
        var line = new StringBuilder(400);
        for (var i = 0; i < rows; i++)
        {
            var opened = start.AddMinutes(i * 2.5 + random.Next(0, 120));
            var resolved = random.NextDouble() < 0.9 ? opened.AddMinutes(random.Next(5, 60 * 24 * 5)) : (DateTime?)null;
            var group = Groups[random.Next(Groups.Length)];
            var agent = $"Agent {random.Next(300):000}";
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"INC{i + 1:0000000},{(resolved is null ? 2 : 7)},{(resolved is null ? "true" : "false")},{random.Next(0, 4)},{(random.NextDouble() < 0.05 ? 1 : 0)},{random.Next(1, 30)},{(random.NextDouble() < 0.9 ? "true" : "false")},");
            line.Append(CultureInfo.InvariantCulture, $"User {random.Next(5000)},User {random.Next(5000)},{opened:yyyy-MM-dd HH:mm:ss},{agent},{(resolved ?? opened):yyyy-MM-dd HH:mm:ss},");
            line.Append(CultureInfo.InvariantCulture, $"{Channels[random.Next(Channels.Length)]},Utrecht,{Categories[random.Next(Categories.Length)]},General,{Priorities[random.Next(Priorities.Length)]},{group},{agent},,,");
            line.Append(resolved is null ? ",,," : string.Create(CultureInfo.InvariantCulture, $"{agent},{resolved:yyyy-MM-dd HH:mm:ss},{resolved.Value.AddDays(1):yyyy-MM-dd HH:mm:ss},"));
            line.Append(CultureInfo.InvariantCulture, $"\"Printer on floor {random.Next(1, 9)} does not print, user reports \"\"paper jam\"\"\"\n");
            writer.Write(line);
        }
    }
}
