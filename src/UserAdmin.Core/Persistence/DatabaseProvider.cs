namespace UserAdmin.Core.Persistence;

/// <summary>The database behind UserAdmin, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
