using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;

namespace UserAdmin.Benchmarks;

/// <summary>One benchmark database: the provider and the connection string the app's services are given.</summary>
internal sealed record BenchmarkDatabase(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>How a child step is told its database (<see cref="ChildStep"/>).</summary>
    public string[] Arguments() => [Provider.ToString(), ConnectionString];

    public static BenchmarkDatabase FromArguments(IReadOnlyList<string> arguments) =>
        new(Enum.Parse<DatabaseProvider>(arguments[0]), arguments[1]);
}

/// <summary>
/// Where the benchmark's databases live (<c>--provider</c>): prepared once, copied fresh for every
/// measured run, and the raw baselines of that database doing the same work with its own client.
/// </summary>
internal abstract class BenchmarkServer
{
    public static BenchmarkServer For(BenchmarkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteBenchmarkServer(options.WorkDirectory),
            DatabaseProvider.PostgreSql => new PostgreSqlBenchmarkServer(options.Connection!),
            _ => throw new ArgumentException($"The benchmark runs on Sqlite or PostgreSql, not {options.Provider}."),
        };
    }

    /// <summary>The baselines' client program, which must be installed.</summary>
    public abstract CommandLineTool Client { get; }

    /// <summary>What each raw baseline is, printed with the figures.</summary>
    public abstract string BaselinesDescription { get; }

    /// <summary>A new, empty database (migrations create its schema).</summary>
    public abstract BenchmarkDatabase Create(string name);

    /// <summary>Runs <see cref="ReadyToCopySql"/> on a prepared database, then ends every connection to it so that it can be copied whole.</summary>
    public async Task ReadyToCopyAsync(IServiceProvider services)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UserAdminDbContext>();
            await db.Database.ExecuteSqlRawAsync(ReadyToCopySql);
        }

        ClearPools();
    }

    /// <summary>What a freshly loaded database needs before it is copied.</summary>
    protected abstract string ReadyToCopySql { get; }

    protected abstract void ClearPools();

    public abstract BenchmarkDatabase CopyOf(BenchmarkDatabase prepared);

    public abstract void Delete(BenchmarkDatabase database);

    /// <summary>Deletes whatever databases of this run are left, also after a failure (SQLite's files go with the work folder).</summary>
    public virtual void DeleteAll()
    {
    }

    /// <summary>P1: the same CSV loaded into a bare table.</summary>
    public abstract double ImportBaseline(BenchmarkDatabase database, string csv);

    /// <summary>P2: the same rows and columns as people.csv written to <paramref name="output"/> with a header.</summary>
    public abstract double ExportBaseline(BenchmarkDatabase database, string output);

    /// <summary>P3: the catalogue's statements for every pair in one transaction (<see cref="BaselineSql.TransferScript"/>).</summary>
    public abstract double TransferBaseline(BenchmarkDatabase database, UserAdminDbContext db, IReadOnlyList<TransferPair> pairs);
}
