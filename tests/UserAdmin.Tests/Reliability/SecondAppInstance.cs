using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// A second instance of the app on the first one's SQLite file, in the same test process (DESIGN 8:
/// several instances on one database). Hangfire keeps its logger, job activator and storage in static
/// state that the host started last takes over; before this one stops they are handed back to the
/// first, whose job server keeps running and would otherwise log through this host's disposed logger.
/// </summary>
public sealed class SecondAppInstance : UserAdminAppFactory
{
    private readonly UserAdminAppFactory _first;

    public SecondAppInstance(UserAdminAppFactory first)
        : base(first) => _first = first;

    public override async ValueTask DisposeAsync()
    {
        var services = _first.Services;
        GlobalConfiguration.Configuration
            .UseLogProvider(new AspNetCoreLogProvider(services.GetRequiredService<ILoggerFactory>()))
            .UseActivator(new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
        JobStorage.Current = services.GetRequiredService<JobStorage>();
        await base.DisposeAsync();
    }
}
