using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.AppHooks;
using UserAdmin.Core.Persistence;

[assembly: HostingStartup(typeof(ImportHoldStartup))]

namespace UserAdmin.AppHooks;

/// <summary>Adds <see cref="ImportHold"/> to the app's DbContexts when <see cref="ImportHold.Variable"/> names its folder.</summary>
public sealed class ImportHoldStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Environment.GetEnvironmentVariable(ImportHold.Variable) is { Length: > 0 } folder)
        {
            var hold = new ImportHold(folder);
            builder.ConfigureServices(services => services.ConfigureDbContext<UserAdminDbContext>(options => options.AddInterceptors(hold)));
        }
    }
}

/// <summary>
/// Holds a real app process's import job at a chosen point, so that a test in another process can start a second
/// instance, read its progress or kill it there without depending on timing (R-IMP-10). The test writes the point
/// into the folder's <c>hold</c> file; when the job gets there, the hold writes it into <c>reached</c> and waits
/// until <c>hold</c> says something else. Points: <c>claim</c> (before the job claims the queued import),
/// <c>writing</c> (the import is Writing, its transaction not begun), <c>lookup N</c> (inside the transaction,
/// before the look-up of the N-th batch of new users, the ones before written and counted).
/// </summary>
public sealed class ImportHold(string folder) : DbCommandInterceptor
{
    public const string Variable = "USERADMIN_TEST_IMPORT_HOLD";

    private int _lookups;

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (IsStateUpdate(command) && !command.CommandText.Contains("\"RowsTotal\"", StringComparison.Ordinal)
            && !command.CommandText.Contains("\"Message\"", StringComparison.Ordinal) && command.Transaction is null)
        {
            await WaitIfHeldAsync("claim", cancellationToken);
        }

        return result;
    }

    public override async ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (IsStateUpdate(command) && command.CommandText.Contains("\"RowsTotal\"", StringComparison.Ordinal))
        {
            await WaitIfHeldAsync("writing", cancellationToken);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = command.CommandText;
        if (command.Transaction is not null && (text.Contains("\"NormalizedEmail\" IN", StringComparison.Ordinal) || text.Contains("\"NormalizedEmail\" = ANY", StringComparison.Ordinal)))
        {
            await WaitIfHeldAsync("lookup " + Interlocked.Increment(ref _lookups).ToString(CultureInfo.InvariantCulture), cancellationToken);
        }

        return result;
    }

    private static bool IsStateUpdate(DbCommand command) =>
        command.CommandText.Contains("UPDATE \"PeopleImports\"", StringComparison.Ordinal) && command.CommandText.Contains("\"State\"", StringComparison.Ordinal);

    private async Task WaitIfHeldAsync(string point, CancellationToken cancellationToken)
    {
        var hold = Path.Combine(folder, "hold");
        if (Read(hold) != point)
        {
            return;
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "reached.next"), point, cancellationToken);
        File.Move(Path.Combine(folder, "reached.next"), Path.Combine(folder, "reached"), overwrite: true);
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (Read(hold) == point && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancellationToken);
        }
    }

    private static string? Read(string file)
    {
        try
        {
            return File.ReadAllText(file).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
