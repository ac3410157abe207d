using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Tests.Persistence;

/// <summary>
/// A DbContext on the SQL Server provider that never connects: every command the app's code sends is
/// recorded (its text and parameter count) and answered with an empty result (a zero for a COUNT), so
/// the real services run far enough to build each statement. SQL Server cannot run on these machines;
/// the recorded statements are what ScriptDom then parses.
/// </summary>
internal sealed class SqlServerCapture : IDbConnectionInterceptor, IDbCommandInterceptor, IDbTransactionInterceptor, IDisposable
{
    public const string ConnectionString = "Server=localhost;Database=UserAdmin;Trusted_Connection=True;TrustServerCertificate=True";

    public SqlServerCapture()
    {
        var options = new DbContextOptionsBuilder<UserAdminDbContext>();
        options.UseUserAdminDatabase(DatabaseProvider.SqlServer, ConnectionString).AddInterceptors(this);
        // The same statements as the app's, without the retrying strategy's buffering, which insists on
        // every column of a result that here is empty.
        options.UseSqlServer(ConnectionString, sql => sql.ExecutionStrategy(dependencies => new NonRetryingExecutionStrategy(dependencies)));
        Db = new UserAdminDbContext(options.Options);
    }

    public UserAdminDbContext Db { get; }

    public List<(string Sql, int Parameters)> Statements { get; } = [];

    /// <summary>Runs <paramref name="step"/> and returns the statements it sent; an empty answer may make it stop early (a missing row), which is fine.</summary>
    public async Task<List<(string Sql, int Parameters)>> RecordAsync(Func<UserAdminDbContext, Task> step)
    {
        var before = Statements.Count;
        try
        {
            await step(Db);
        }
        catch (InvalidOperationException)
        {
            // the empty answer ended the step: what it sent until then is recorded
        }
        catch (DbUpdateException)
        {
            // SaveChanges expected a generated key back
        }


        return Statements[before..];
    }

    public void Dispose() => Db.Dispose();

    // SqlCommand accepts only a SqlTransaction, which needs a live connection: the app's commands are
    // recorded on a stand-in that takes any transaction and hands out SqlParameters for the type mappings.
    public InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        InterceptionResult<DbCommand>.SuppressWithResult(new RecordedCommand());

    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        InterceptionResult<DbDataReader>.SuppressWithResult(Answer(command));

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(Answer(command)));

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        InterceptionResult<int>.SuppressWithResult(Record(command));

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(Record(command)));

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result) =>
        InterceptionResult<DbTransaction>.SuppressWithResult(new RecordedTransaction(connection));

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(InterceptionResult<DbTransaction>.SuppressWithResult(new RecordedTransaction(connection)));

    private int Record(DbCommand command)
    {
        Statements.Add((command.CommandText, command.Parameters.Count));
        return 0;
    }

    private DataTableReader Answer(DbCommand command)
    {
        Record(command);
        // One-value answers the code reads as a single row: a count of zero, "none exists", no maximum.
        var table = new DataTable();
        var sql = command.CommandText;
        if (sql.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal))
        {
            table.Columns.Add("Value", typeof(int));
            table.Rows.Add(0);
        }
        else if (sql.StartsWith("SELECT CASE", StringComparison.Ordinal))
        {
            table.Columns.Add("Value", typeof(bool));
            table.Rows.Add(false);
        }
        else if (sql.StartsWith("SELECT MAX(", StringComparison.Ordinal))
        {
            table.Columns.Add("Value", typeof(int));
            table.Rows.Add(DBNull.Value);
        }

        return table.CreateDataReader();
    }

    /// <summary>A command that is never executed (the interceptor answers it): it only carries text and parameters.</summary>
    private sealed class RecordedCommand : DbCommand
    {
        private readonly SqlCommand _parameters = new();

        [AllowNull]
        public override string CommandText { get; set; } = "";

        public override int CommandTimeout { get; set; }

        public override CommandType CommandType { get; set; }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection { get; set; }

        protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override int ExecuteNonQuery() => throw new InvalidOperationException("Recorded commands are answered by the interceptor.");

        public override object? ExecuteScalar() => throw new InvalidOperationException("Recorded commands are answered by the interceptor.");

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqlParameter();

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw new InvalidOperationException("Recorded commands are answered by the interceptor.");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _parameters.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A transaction that exists only so that the code under test can begin, commit and roll back.</summary>
    private sealed class RecordedTransaction(DbConnection connection) : DbTransaction
    {
        public override IsolationLevel IsolationLevel => IsolationLevel.ReadCommitted;

        protected override DbConnection DbConnection => connection;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }
}
