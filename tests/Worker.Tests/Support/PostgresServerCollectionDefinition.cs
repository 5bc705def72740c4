using Analytics.Tests.Support;

namespace Worker.Tests.Support;

/// <summary>Test classes in this collection share one throwaway <see cref="PostgresServer"/> (the Analytics tests' fixture, linked).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresServerCollectionDefinition : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server (worker)";
}
