namespace UserAdmin.Tests.Infrastructure;

/// <summary>Every test class that starts the app joins this collection (Hangfire's static state).</summary>
[CollectionDefinition(Name)]
public sealed class AppTestGroup
{
    public const string Name = "App";
}
