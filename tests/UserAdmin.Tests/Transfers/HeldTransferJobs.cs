using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Web.Features.Transfers;

namespace UserAdmin.Tests.Transfers;

/// <summary>
/// Runs are held instead of handed to Hangfire until the test releases them, so that "a bulk is still
/// queued" holds however fast or slow the machine is.
/// </summary>
public sealed class HeldTransferJobs(IServiceProvider services) : ITransferJobs
{
    private readonly List<int> _held = [];

    public IReadOnlyList<int> Held
    {
        get
        {
            lock (_held)
            {
                return [.. _held];
            }
        }
    }

    public static void Register(IServiceCollection services) =>
        services.AddSingleton<HeldTransferJobs>().AddScoped<ITransferJobs>(provider => provider.GetRequiredService<HeldTransferJobs>());

    public void Enqueue(int runId)
    {
        lock (_held)
        {
            _held.Add(runId);
        }
    }

    /// <summary>Hands every held run to Hangfire's transfers queue, as the app would have done.</summary>
    public void Release()
    {
        var jobs = new HangfireTransferJobs(services.GetRequiredService<IBackgroundJobClient>());
        lock (_held)
        {
            _held.ForEach(jobs.Enqueue);
            _held.Clear();
        }
    }
}

/// <summary>An app whose transfer runs wait in <see cref="HeldTransferJobs"/> until <see cref="Release"/>.</summary>
public class HeldTransfersApp : UserAdmin.Tests.Infrastructure.UserAdminAppFactory
{
    public void Release() => Services.GetRequiredService<HeldTransferJobs>().Release();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.ConfigureTestServices(builder, HeldTransferJobs.Register);
    }
}
