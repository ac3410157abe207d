using System.Data.Common;

namespace UserAdmin.Core.Persistence;

/// <summary>
/// SQLite runs in the app's process: a statement costs microseconds, not a network round trip, so one
/// parameterised command reused for every row is the fast path (no explicit Prepare: SQLite compiles the
/// statement once per command anyway).
/// </summary>
internal sealed class SqliteWrites : IProviderWrites
{
    public static readonly SqliteWrites Instance = new();

    public async Task InsertAsync(FastWrite write, IReadOnlyList<object> rows, CancellationToken cancellationToken)
    {
        var columns = write.Table.InsertColumns;
        await using var command = write.Command(
            $"INSERT INTO {write.Table.Name} ({string.Join(", ", columns.Select(c => c.Name))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})");
        var parameters = columns.Select((c, i) => (c, c.AddParameter(command, $"@p{i}"))).ToList();
        foreach (var row in rows)
        {
            Bind(parameters, row);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<int>> UpdateAsync(FastWrite write, RowChange change, IReadOnlyList<(object Values, object Key)> rows, CancellationToken cancellationToken)
    {
        await using var command = write.Command(
            $"UPDATE {write.Table.Name} SET {string.Join(", ", change.Set.Select((c, i) => $"{c.Name} = @s{i}"))} WHERE {Condition(change.Key)}");
        var set = change.Set.Select((c, i) => (c, c.AddParameter(command, $"@s{i}"))).ToList();
        var key = change.Key.Select((c, i) => (c, c.AddParameter(command, $"@w{i}"))).ToList();
        var matched = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            Bind(set, rows[i].Values);
            Bind(key, rows[i].Key);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0)
            {
                matched.Add(i);
            }
        }

        return matched;
    }

    public async Task DeleteAsync(FastWrite write, IReadOnlyList<TableColumn> key, IReadOnlyList<object> keys, CancellationToken cancellationToken)
    {
        await using var command = write.Command($"DELETE FROM {write.Table.Name} WHERE {Condition(key)}");
        var parameters = key.Select((c, i) => (c, c.AddParameter(command, $"@w{i}"))).ToList();
        foreach (var row in keys)
        {
            Bind(parameters, row);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Condition(IReadOnlyList<TableColumn> key) => string.Join(" AND ", key.Select((c, i) => $"{c.Name} = @w{i}"));

    private static void Bind(List<(TableColumn Column, DbParameter Parameter)> parameters, object row)
    {
        foreach (var (column, parameter) in parameters)
        {
            parameter.Value = column.ValueOf(row);
        }
    }
}
