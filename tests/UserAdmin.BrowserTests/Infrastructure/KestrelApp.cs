using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.BrowserTests.Infrastructure;

/// <summary>The real app listening on a free port of 127.0.0.1, so that Chromium can reach it.</summary>
public sealed class KestrelApp : UserAdminAppFactory
{
    public KestrelApp(int demoUsers = 60) : base(demoUsers) => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address);
        }
    }
}
