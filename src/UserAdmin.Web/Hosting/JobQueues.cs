namespace UserAdmin.Web.Hosting;

/// <summary>Hangfire queues. Transfers get their own queue so that they never wait behind other work.</summary>
public static class JobQueues
{
    public const string Transfers = "transfers";
    public const string Default = "default";
}
