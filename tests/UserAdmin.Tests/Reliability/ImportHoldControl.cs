using System.Diagnostics;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// The test's side of UserAdmin.AppHooks' <c>ImportHold</c>: the settings that load it into an <see cref="AppProcess"/>
/// (a startup hook and a hosting startup, so the app has no test switch of its own), and the <c>hold</c> and
/// <c>reached</c> files through which a test stops that process's import job at a point and lets it go on.
/// </summary>
public sealed class ImportHoldControl : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("useradmin-hold-").FullName;

    /// <summary>Environment of an app process whose import job this control holds.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("DOTNET_STARTUP_HOOKS", Path.Combine(AppContext.BaseDirectory, "UserAdmin.AppHooks.dll")),
        new("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES", "UserAdmin.AppHooks"),
        new("USERADMIN_TEST_IMPORT_HOLD", _folder),
    ];

    /// <summary>The job stops at <paramref name="point"/> (<c>claim</c>, <c>writing</c>, <c>lookup N</c>) until another point or <see cref="Release"/>.</summary>
    public void HoldAt(string point) => File.WriteAllText(Path.Combine(_folder, "hold"), point);

    public void Release() => File.Delete(Path.Combine(_folder, "hold"));

    /// <summary>Waits until the job stands at <paramref name="point"/>; the process must stay alive meanwhile.</summary>
    public async Task ReachedAsync(string point, AppProcess app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var time = Stopwatch.StartNew();
        while (Read("reached") != point)
        {
            if (time.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"The import job did not reach '{point}' (last reached: '{Read("reached")}'):{Environment.NewLine}{app.Tail()}");
            }

            await Task.Delay(20);
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string? Read(string name)
    {
        try
        {
            return File.ReadAllText(Path.Combine(_folder, name)).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
