using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace UserAdmin.Core.Persistence;

/// <summary>
/// The SQLite side of <see cref="FastReads"/> (ADR-0018): the command's text and parameters run as a native
/// statement on the connection's handle, and each value is read with one native call and decoded from its
/// UTF-8 bytes. Through <see cref="SqliteDataReader"/> each value cost 3–5 native calls (a null check,
/// the column count, the type, then the value), most of P2's read side. Values are read as
/// <see cref="SqliteDataReader"/> reads them; <c>SqliteReadsTests</c> compares the two.
/// </summary>
internal static class SqliteReads
{
    public static void Read<T>(DbCommand command, Func<ReadRow, T> read, List<T> rows)
    {
        var handle = ((SqliteConnection)command.Connection!).Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(handle, command.CommandText, out var statement), handle);
        using (statement)
        {
            foreach (DbParameter parameter in command.Parameters)
            {
                Bind(statement, handle, parameter);
            }

            var row = new StatementRow(statement);
            var result = FirstStep(statement, command.CommandTimeout);
            while (result == raw.SQLITE_ROW)
            {
                rows.Add(read(row));
                result = raw.sqlite3_step(statement);
            }

            if (result != raw.SQLITE_DONE)
            {
                Check(result, handle);
            }
        }
    }

    // A reader waits for a writer's lock as SqliteCommand does (retry until the command's timeout): the export runs beside imports.
    private static int FirstStep(sqlite3_stmt statement, int timeoutSeconds)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        int result;
        while ((result = raw.sqlite3_step(statement)) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED
            && (timeoutSeconds == 0 || waited.Elapsed.TotalSeconds < timeoutSeconds))
        {
            raw.sqlite3_reset(statement);
            Thread.Sleep(150);
        }

        return result;
    }

    private static void Bind(sqlite3_stmt statement, sqlite3 handle, DbParameter parameter)
    {
        var index = raw.sqlite3_bind_parameter_index(statement, parameter.ParameterName);
        Check(parameter.Value switch
        {
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            string text => raw.sqlite3_bind_text(statement, index, text),
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            var other => throw new NotSupportedException($"A fast read binds numbers and text, not {other.GetType().Name}."),
        }, handle);
    }

    private static void Check(int result, sqlite3 handle)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), result);
        }
    }

    /// <summary>The current row of a stepped statement.</summary>
    private sealed class StatementRow(sqlite3_stmt statement) : ReadRow
    {
        public override int IntegerAt(int ordinal) => checked((int)raw.sqlite3_column_int64(statement, ordinal));

        public override string? TextAt(int ordinal) =>
            raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_TEXT ? Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, ordinal)) : null;

        public override int? NumberAt(int ordinal) =>
            raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_NULL ? null : IntegerAt(ordinal);

        public override bool FlagAt(int ordinal) => raw.sqlite3_column_int64(statement, ordinal) != 0;

        public override Guid UuidAt(int ordinal) =>
            raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_BLOB && raw.sqlite3_column_blob(statement, ordinal) is { Length: 16 } bytes
                ? new Guid(bytes)
                : Guid.Parse(RequiredTextAt(ordinal));

        public override DateOnly? DateAt(int ordinal)
        {
            if (raw.sqlite3_column_type(statement, ordinal) == raw.SQLITE_NULL)
            {
                return null;
            }

            // EF stores a date as yyyy-MM-dd: read it from its bytes; anything else as the provider parses text.
            var bytes = raw.sqlite3_column_blob(statement, ordinal);
            return bytes.Length == 10 && bytes[4] == '-' && bytes[7] == '-'
                && System.Buffers.Text.Utf8Parser.TryParse(bytes[..4], out int year, out var y) && y == 4
                && System.Buffers.Text.Utf8Parser.TryParse(bytes[5..7], out int month, out var m) && m == 2
                && System.Buffers.Text.Utf8Parser.TryParse(bytes[8..], out int day, out var d) && d == 2
                ? new DateOnly(year, month, day)
                : DateOnly.Parse(RequiredTextAt(ordinal), CultureInfo.InvariantCulture);
        }
    }
}
