using System.Globalization;
using Npgsql;

namespace UserAdmin.Core.Persistence;

/// <summary>
/// PostgreSQL takes many rows fastest as a binary COPY: new rows are copied straight into their table;
/// changes and deletions are copied into a temporary table and applied with one <c>UPDATE … FROM</c> or
/// <c>DELETE … USING</c>, so a batch costs a few round trips whatever its size.
/// </summary>
internal sealed class PostgreSqlWrites : IProviderWrites
{
    public static readonly PostgreSqlWrites Instance = new();

    private static int _tables;

    public async Task InsertAsync(FastWrite write, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var columns = write.Table.InsertColumns;
        await CopyAsync(write, CopySql(write.Table.Name, columns.Select(c => c.Name)), columns.Count,
            rows.Select(row => columns.Select(c => (c.Mapping.StoreType, c.ValueOf(row)))), cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<int>> UpdateAsync(FastWrite write, RowChange change, IReadOnlyList<(object Values, object Key)> rows, CancellationToken cancellationToken)
    {
        var staging = await StageAsync(write, change.Set, change.Key, cancellationToken).ConfigureAwait(false);
        await CopyAsync(write, CopySql(staging.Name, staging.Columns), staging.Columns.Count,
            rows.Select((row, i) => Row(i, change, row)), cancellationToken).ConfigureAwait(false);

        var matched = new List<int>();
        await using (var command = write.Command(UpdateSql(write.Table, change, staging.Name)))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    matched.Add(reader.GetInt32(0));
                }
            }
        }

        await DropAsync(write, staging.Name, cancellationToken).ConfigureAwait(false);
        matched.Sort();
        return matched;
    }

    public async Task DeleteAsync(FastWrite write, IReadOnlyList<TableColumn> key, IReadOnlyList<object> keys, CancellationToken cancellationToken)
    {
        var staging = await StageAsync(write, [], key, cancellationToken).ConfigureAwait(false);
        await CopyAsync(write, CopySql(staging.Name, staging.Columns), staging.Columns.Count,
            keys.Select((row, i) => new[] { ("integer", (object)i) }.Concat(key.Select(c => (c.Mapping.StoreType, c.ValueOf(row))))), cancellationToken).ConfigureAwait(false);
        await using (var command = write.Command(
            $"DELETE FROM {write.Table.Name} AS t USING {staging.Name} AS v WHERE {Join(key)}"))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await DropAsync(write, staging.Name, cancellationToken).ConfigureAwait(false);
    }

    internal static string UpdateSql(TableShape table, RowChange change, string staging) =>
        $"UPDATE {table.Name} AS t SET {string.Join(", ", change.Set.Select((c, i) => $"{c.Name} = v.s{i}"))} " +
        $"FROM {staging} AS v WHERE {Join(change.Key)} RETURNING v.position";

    private static string Join(IReadOnlyList<TableColumn> key) => string.Join(" AND ", key.Select((c, i) => $"t.{c.Name} = v.w{i}"));

    private static string CopySql(string table, IEnumerable<string> columns) =>
        $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)";

    private static IEnumerable<(string StoreType, object Value)> Row(int position, RowChange change, (object Values, object Key) row) =>
        new[] { ("integer", (object)position) }
            .Concat(change.Set.Select(c => (c.Mapping.StoreType, c.ValueOf(row.Values))))
            .Concat(change.Key.Select(c => (c.Mapping.StoreType, c.ValueOf(row.Key))));

    /// <summary>A temporary table (position, s0…, w0…) for one write, dropped after it and at the end of the transaction at the latest.</summary>
    private static async Task<(string Name, List<string> Columns)> StageAsync(
        FastWrite write, IReadOnlyList<TableColumn> set, IReadOnlyList<TableColumn> key, CancellationToken cancellationToken)
    {
        var name = "fast_write_" + Interlocked.Increment(ref _tables).ToString(CultureInfo.InvariantCulture);
        var columns = new[] { ("position", "integer") }
            .Concat(set.Select((c, i) => ($"s{i}", c.Mapping.StoreType)))
            .Concat(key.Select((c, i) => ($"w{i}", c.Mapping.StoreType)))
            .ToList();
        await using (var command = write.Command(
            $"CREATE TEMPORARY TABLE {name} ({string.Join(", ", columns.Select(c => $"{c.Item1} {c.Item2}"))}) ON COMMIT DROP"))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return (name, columns.ConvertAll(c => c.Item1));
    }

    private static async Task DropAsync(FastWrite write, string staging, CancellationToken cancellationToken)
    {
        await using var command = write.Command($"DROP TABLE {staging}");
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task CopyAsync(FastWrite write, string copy, int width, IEnumerable<IEnumerable<(string StoreType, object Value)>> rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)write.Connection;
        var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                var cells = 0;
                foreach (var (storeType, value) in row)
                {
                    if (value is DBNull)
                    {
                        await importer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await importer.WriteAsync(value, DataTypeName(storeType), cancellationToken).ConfigureAwait(false);
                    }

                    cells++;
                }

                if (cells != width)
                {
                    throw new InvalidOperationException($"A copied row has {cells} values for {width} columns.");
                }
            }

            await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The type name COPY writes a value as: the column's store type without its length (<c>character varying(100)</c> → <c>character varying</c>).</summary>
    private static string DataTypeName(string storeType) => storeType.IndexOf('(', StringComparison.Ordinal) is var open and >= 0 ? storeType[..open] : storeType;
}
