namespace UserAdmin.Web.Hosting;

/// <summary>Hangfire queues. Transfers and imports get their own queues so that they never wait behind other work.</summary>
public static class JobQueues
{
    public const string Transfers = "transfers";
    public const string Imports = "imports";
    public const string Default = "default";
}
