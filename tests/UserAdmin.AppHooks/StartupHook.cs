using System.Runtime.Loader;

/// <summary>
/// Run by the runtime before the app's Main when named in <c>DOTNET_STARTUP_HOOKS</c>: it makes this assembly,
/// which is not among the app's dependencies, loadable by name for <c>ASPNETCORE_HOSTINGSTARTUPASSEMBLIES</c>.
/// </summary>
#pragma warning disable CA1050 // the runtime looks for a StartupHook class outside any namespace
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        var self = typeof(StartupHook).Assembly;
        AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == self.GetName().Name ? self : null;
    }
}
