namespace Worker.Tests.Install;

/// <summary>One publish for every test that needs the published worker; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedWorkerDefinition : ICollectionFixture<PublishedWorker>
{
    public const string Name = "published worker";
}
