using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Web.Hosting;

namespace UserAdmin.Tests.Security;

/// <summary>
/// The app with a small upload limit and one upload action of the test's own, marked like every real
/// upload action, so that the limit is proven before the features that upload exist.
/// </summary>
public class UploadProbeApp : UserAdminAppFactory
{
    public const long MaxFileBytes = 100 * 1024;
    public const string UploadUrl = "/test/upload";

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [new("Import:MaxFileBytes", MaxFileBytes.ToString(CultureInfo.InvariantCulture))];

    /// <summary>A client with cookies that does not follow redirects: in process here, over TCP on Kestrel.</summary>
    public virtual TestClient CreateBrowserClient() => CreateTestClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddControllersWithViews().AddApplicationPart(typeof(UploadProbeController).Assembly));
    }
}

/// <summary>The app of <see cref="UploadProbeApp"/> listening on a real Kestrel port, where body limits are enforced by the server.</summary>
public sealed class KestrelUploadProbeApp : UploadProbeApp
{
    public KestrelUploadProbeApp() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public override TestClient CreateBrowserClient()
    {
        StartServer();
        var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
#pragma warning disable CA2000 // the HttpClient owns and disposes its handler
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
#pragma warning restore CA2000
        return new TestClient(new HttpClient(handler) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) });
    }
}

[Authorize]
[Route("test/upload")]
public sealed class UploadProbeController : Controller
{
    [HttpPost("")]
    [UploadLimit]
    public IActionResult Upload(IFormFile? file) => Content($"received {file?.Length ?? 0} bytes");
}
