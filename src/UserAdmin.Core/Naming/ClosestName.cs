namespace UserAdmin.Core.Naming;

/// <summary>
/// Finds the valid name an administrator most likely meant when they typed an unknown one
/// ("did you mean …?"). Case, spaces, underscores and hyphens do not count as differences, and a
/// candidate may be matched through extra keys (a time zone through its city, say).
/// </summary>
public sealed class ClosestName
{
    private readonly List<(string Name, string[] Keys)> _candidates;

    public ClosestName(IEnumerable<string> names, Func<string, IEnumerable<string>>? extraKeys = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        _candidates = names
            .Select(name => (name, new[] { name }.Concat(extraKeys?.Invoke(name) ?? []).Select(Fold).Distinct().ToArray()))
            .ToList();
    }

    /// <summary>The closest candidate whatever the distance, or null when there are none.</summary>
    public string? Closest(string input) => Rank(input).Name;

    /// <summary>The closest candidate when it is close enough to be a plausible typo, otherwise null.</summary>
    public string? Suggest(string input)
    {
        var (name, distance) = Rank(input);
        var folded = Fold(input ?? string.Empty);
        var tolerance = Math.Max(2, folded.Length / 3);
        return distance <= tolerance ? name : null;
    }

    private (string? Name, int Distance) Rank(string input)
    {
        var folded = Fold(input ?? string.Empty);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (name, keys) in _candidates)
        {
            foreach (var key in keys)
            {
                var distance = EditDistance(folded, key, bestDistance);
                var shorterOnATie = distance == bestDistance && best is not null && name.Length < best.Length;
                if (distance < bestDistance || shorterOnATie)
                {
                    (best, bestDistance) = (name, distance);
                }
            }
        }

        return (best, bestDistance);
    }

    private static string Fold(string name) =>
        new(name.Where(c => c is not (' ' or '_' or '-')).Select(char.ToUpperInvariant).ToArray());

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent swaps), given up once above <paramref name="limit"/>.</summary>
    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return int.MaxValue;
        }

        var previousRow = new int[b.Length + 1];
        var row = new int[b.Length + 1];
        var beforePrevious = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            (beforePrevious, previousRow, row) = (previousRow, row, beforePrevious);
            row[0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previousRow[j] + 1, row[j - 1] + 1), previousRow[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, beforePrevious[j - 2] + 1);
                }

                row[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit)
            {
                return int.MaxValue;
            }
        }

        return row[b.Length];
    }
}
