using Analytics.Import;
using Analytics.Import.Folders;
using Analytics.Tests.Support;

namespace Analytics.Tests.Import.Folders;

/// <summary>Import:Folders checked at start: each bad setting is named by its path, as the operator writes it.</summary>
public sealed class ImportFolderSettingsTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void GoodFolders_Pass()
    {
        var mapping = _folder.File("mapping.json");
        File.WriteAllText(mapping, """{ "source": "glpi", "columns": { "ticket_id": "ID", "opened_at": "Opened" } }""");

        var result = Validate(
            new ImportFolderOptions { Path = _folder.File("topdesk"), Profile = "TOPdesk", Delimiter = ";", Encoding = "windows-1252", TimeZone = "Europe/Amsterdam" },
            new ImportFolderOptions { Path = _folder.File("glpi"), MappingFile = mapping, Delimiter = "tab" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void BadFolders_AreEachNamedByTheirPath()
    {
        var result = Validate(
            new ImportFolderOptions { Path = "", Profile = "topdesk" },
            new ImportFolderOptions { Path = _folder.File("a"), Profile = "remedy" },
            new ImportFolderOptions { Path = _folder.File("b") },
            new ImportFolderOptions { Path = _folder.File("c"), Profile = "generic", MappingFile = _folder.File("missing.json") },
            new ImportFolderOptions { Path = _folder.File("d"), Profile = "jira", Delimiter = "||", Encoding = "latin-9", TimeZone = "Mars/Olympus" },
            new ImportFolderOptions { Path = _folder.File("a") + "/", Profile = "jira" });

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Import:Folders:0:Path is required: the folder files are dropped into.",
                "Import:Folders:1:Profile: 'remedy' is not a profile; the profiles are generic, jira, servicenow, topdesk, zendesk.",
                "Import:Folders:2:Profile is required (generic, jira, servicenow, topdesk, zendesk), or a MappingFile for the generic profile.",
                $"Import:Folders:3:MappingFile: Mapping file '{_folder.File("missing.json")}' not found.",
                "Import:Folders:4:Delimiter: '||' must be one character or 'tab'.",
                "Import:Folders:4:Encoding: 'latin-9' must be utf-8 or windows-1252.",
                "Import:Folders:4:TimeZone: 'Mars/Olympus' is not a known time zone (an IANA id such as Europe/Amsterdam).",
                "Import:Folders:5:Path: '" + _folder.File("a") + "/' is already watched by Import:Folders:1.",
            ],
            result.Failures);
    }

    [Fact]
    public void NegativeSettleTime_IsNamed()
    {
        var result = new ImportSettingsValidator().Validate(null, new ImportSettings { FolderSettleTime = TimeSpan.FromSeconds(-1) });

        Assert.Equal(["Import:FolderSettleTime: '-00:00:01' must lie between 00:00:00 and 01:00:00."], result.Failures);
    }

    public void Dispose() => _folder.Dispose();

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(params ImportFolderOptions[] folders) =>
        new ImportSettingsValidator().Validate(null, new ImportSettings { Folders = [.. folders] });
}
