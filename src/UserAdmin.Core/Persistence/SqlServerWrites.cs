using System.Data.Common;
using System.Globalization;
using System.Text;

namespace UserAdmin.Core.Persistence;

/// <summary>
/// SQL Server is across a network: each statement carries many rows, as a table-value constructor
/// (<c>VALUES (…), (…)</c>) joined to the target. A command holds at most <see cref="MaxParameters"/>
/// parameters (the server allows 2,100) and a VALUES list at most 1,000 rows.
/// </summary>
internal sealed class SqlServerWrites : IProviderWrites
{
    public static readonly SqlServerWrites Instance = new();

    /// <summary>SQL Server's limit is 2,100 parameters per command; one is kept free for the driver.</summary>
    public const int MaxParameters = 2099;

    private const int MaxValuesRows = 1000;

    public static int RowsPerCommand(int parametersPerRow) => Math.Clamp(MaxParameters / parametersPerRow, 1, MaxValuesRows);

    public async Task InsertAsync(FastWrite write, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(RowsPerCommand(write.Table.InsertColumns.Count)))
        {
            await using var command = write.Command();
            PrepareInsert(command, write.Table, chunk);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<int>> UpdateAsync(FastWrite write, RowChange change, IReadOnlyList<(object Values, object Key)> rows, CancellationToken cancellationToken)
    {
        var matched = new List<int>();
        foreach (var chunk in rows.Select((row, i) => (i, row.Values, row.Key)).Chunk(RowsPerCommand(1 + change.Set.Count + change.Key.Count)))
        {
            await using var command = write.Command();
            PrepareUpdate(command, write.Table, change, chunk);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    matched.Add(reader.GetInt32(0));
                }
            }
        }

        matched.Sort();
        return matched;
    }

    public async Task DeleteAsync(FastWrite write, IReadOnlyList<TableColumn> key, IReadOnlyList<object> keys, CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Chunk(RowsPerCommand(key.Count)))
        {
            await using var command = write.Command();
            PrepareDelete(command, write.Table, key, chunk);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One multi-row INSERT of <paramref name="rows"/> (at most <see cref="RowsPerCommand"/> of them).</summary>
    internal static void PrepareInsert(DbCommand command, TableShape table, IEnumerable<object> rows)
    {
        var columns = table.InsertColumns;
        var values = Values(command, rows.Select(row => Cells(columns, row)));
        command.CommandText = $"INSERT INTO {table.Name} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES {values}";
    }

    /// <summary>One UPDATE … FROM (VALUES …) of <paramref name="rows"/>, returning the positions of the rows it matched.</summary>
    internal static void PrepareUpdate(DbCommand command, TableShape table, RowChange change, IEnumerable<(int Position, object Values, object Key)> rows)
    {
        var values = Values(command, rows.Select(row => Row(row.Position, change, (row.Values, row.Key))));
        command.CommandText =
            $"UPDATE t SET {string.Join(", ", change.Set.Select((c, i) => $"{c.Name} = v.[s{i}]"))} OUTPUT v.[Position] " +
            $"FROM {table.Name} AS t INNER JOIN (VALUES {values}) AS v({Aliases(change)}) ON {Join(change.Key)}";
    }

    /// <summary>One DELETE … FROM (VALUES …) of the rows with the given keys.</summary>
    internal static void PrepareDelete(DbCommand command, TableShape table, IReadOnlyList<TableColumn> key, IEnumerable<object> keys)
    {
        var values = Values(command, keys.Select(row => Cells(key, row)));
        command.CommandText =
            $"DELETE t FROM {table.Name} AS t INNER JOIN (VALUES {values}) AS v({string.Join(", ", key.Select((_, i) => $"[w{i}]"))}) ON {Join(key)}";
    }

    private static string Aliases(RowChange change) =>
        "[Position], " + string.Join(", ", change.Set.Select((_, i) => $"[s{i}]").Concat(change.Key.Select((_, i) => $"[w{i}]")));

    private static string Join(IReadOnlyList<TableColumn> key) => string.Join(" AND ", key.Select((c, i) => $"t.{c.Name} = v.[w{i}]"));

    private static List<(TableColumn? Column, object Value)> Cells(IReadOnlyList<TableColumn> columns, object row) =>
        columns.Select(c => ((TableColumn?)c, c.ValueOf(row))).ToList();

    /// <summary>The update's row: its position, then the set values, then the key values.</summary>
    private static List<(TableColumn? Column, object Value)> Row(int position, RowChange change, (object Values, object Key) row) =>
        [(null, position), .. Cells(change.Set, row.Values), .. Cells(change.Key, row.Key)];

    /// <summary>Adds one parameter per cell (typed by its column's mapping) and returns the <c>(@p0, @p1), (…)</c> list.</summary>
    private static string Values(DbCommand command, IEnumerable<List<(TableColumn? Column, object Value)>> rows)
    {
        var sql = new StringBuilder();
        foreach (var row in rows)
        {
            sql.Append(sql.Length == 0 ? "(" : ", (");
            for (var i = 0; i < row.Count; i++)
            {
                var name = "@p" + command.Parameters.Count.ToString(CultureInfo.InvariantCulture);
                if (row[i].Column is { } column)
                {
                    column.AddParameter(command, name, row[i].Value);
                }
                else
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = row[i].Value;
                    command.Parameters.Add(parameter);
                }

                sql.Append(i == 0 ? name : ", " + name);
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}
