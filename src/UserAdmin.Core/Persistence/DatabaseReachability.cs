using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace UserAdmin.Core.Persistence;

/// <summary>Why a server database did not take a connection, in words an operator can act on.</summary>
public enum DatabaseRefusal
{
    /// <summary>Nothing answered, or the server is still starting: worth waiting for.</summary>
    NotReachable,

    /// <summary>The server answered and refused the user name or password: waiting will not help.</summary>
    WrongCredentials,

    /// <summary>The server answered but the database is not there and could not be created.</summary>
    MissingDatabase,
}

/// <summary>A failed attempt to reach the database: its kind and a short reason for the log.</summary>
public sealed record DatabaseProblem(DatabaseRefusal Kind, string Reason)
{
    public bool IsWorthWaitingFor => Kind == DatabaseRefusal.NotReachable;

    public string Words => Kind switch
    {
        DatabaseRefusal.WrongCredentials => "the server refused the user name or password",
        DatabaseRefusal.MissingDatabase => "the database does not exist and could not be created",
        _ => "the server did not accept connections",
    };
}

/// <summary>
/// Reads a provider's connection errors (DESIGN 8: a server database that is not up yet, or is
/// misconfigured). The one place that knows SQL Server error numbers and PostgreSQL SQLSTATE codes.
/// </summary>
public static class DatabaseReachability
{
    /// <summary>The host (and port) named by <paramref name="connectionString"/>, for messages.</summary>
    public static string Host(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.PostgreSql => new NpgsqlConnectionStringBuilder(connectionString) is var b ? $"{b.Host}:{b.Port}" : "",
        DatabaseProvider.SqlServer => new SqlConnectionStringBuilder(connectionString).DataSource,
        _ => new SqliteConnectionStringBuilder(connectionString).DataSource,
    };

    /// <summary>
    /// Opens and closes one connection to the configured database. A database that does not exist yet
    /// counts as reachable: the migrations create it.
    /// </summary>
    public static async Task<DatabaseProblem?> TryConnectAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await connection.CloseAsync().ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is DbException or TimeoutException or SocketException)
        {
            var problem = Describe(e);
            return problem.Kind == DatabaseRefusal.MissingDatabase ? null : problem;
        }
    }

    /// <summary>What <paramref name="error"/>, thrown while connecting or creating the database, means.</summary>
    public static DatabaseProblem Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            PostgresException { SqlState: "28P01" or "28000" } e => new(DatabaseRefusal.WrongCredentials, e.MessageText),
            PostgresException { SqlState: "3D000" or "42501" } e => new(DatabaseRefusal.MissingDatabase, e.MessageText),
            PostgresException e => new(DatabaseRefusal.NotReachable, e.MessageText),
            SqlException { Number: 18456 or 18470 or 18486 or 18487 or 18488 } => new(DatabaseRefusal.WrongCredentials, "login failed"),
            SqlException { Number: 4060 or 1801 or 262 } e => new(DatabaseRefusal.MissingDatabase, e.Message),
            _ when Socket(error) is { } socket => new(DatabaseRefusal.NotReachable, SocketReason(socket.SocketErrorCode)),
            _ when error is TimeoutException || error.InnerException is TimeoutException => new(DatabaseRefusal.NotReachable, "timed out"),
            _ => new(DatabaseRefusal.NotReachable, error.GetType().Name),
        };
    }

    private static SocketException? Socket(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is SocketException socket)
            {
                return socket;
            }
        }

        return null;
    }

    private static string SocketReason(SocketError code) => code switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host name not found",
        SocketError.TimedOut => "timed out",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
        _ => "network error",
    };
}
