using Analytics.Import.Folders;
using Worker.Checks;
using Worker.Tests.Support;

namespace Worker.Tests.Checks;

public sealed class FolderCheckTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void AMissingFolder_FailsNamingTheSetting()
    {
        var result = FolderCheck.Run(new ImportFolderOptions { Path = Path.Combine(_folder.Path, "nowhere"), Profile = "topdesk" }, 2);

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Contains("does not exist; create it or fix Import:Folders:2:Path", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolder_CountsWhatWaits_IgnoringFilesBeingWritten_AndWarnsOfFailedFiles()
    {
        var drop = Directory.CreateDirectory(Path.Combine(_folder.Path, "drop")).FullName;
        File.WriteAllText(Path.Combine(drop, "monday.csv"), "x");
        File.WriteAllText(Path.Combine(drop, "tuesday.csv.part"), "x");
        var folder = new ImportFolderOptions { Path = drop, Profile = "topdesk" };

        var ok = FolderCheck.Run(folder, 0);

        Assert.Equal(CheckStatus.Ok, ok.Status);
        Assert.Equal("readable and writable (profile topdesk); 1 files waiting.", ok.Message);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(drop, FolderImport.Done)));

        Directory.CreateDirectory(Path.Combine(drop, FolderImport.Failed));
        File.WriteAllText(Path.Combine(drop, FolderImport.Failed, "sunday.csv" + FolderImport.ErrorSuffix), "no header");

        var warned = FolderCheck.Run(folder, 0);

        Assert.Equal(CheckStatus.Warning, warned.Status);
        Assert.StartsWith("1 files waiting; 1 in failed/", warned.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
