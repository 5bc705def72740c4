namespace Analytics.Tests.Support;

/// <summary>Test classes in this collection share one <see cref="PostgresServer"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresServerCollectionDefinition : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
