namespace Analytics.Storage;

/// <summary>Bridges ADO.NET's DBNull and Dapper's null for parameter objects.</summary>
internal static class DbValue
{
    public static object? OrNull(object value) => value is DBNull ? null : value;
}
