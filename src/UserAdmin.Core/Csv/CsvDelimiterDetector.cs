namespace UserAdmin.Core.Csv;

/// <summary>
/// R-IMP-1: the delimiter is the one of <c>, ; tab</c> that occurs most often outside quotes in the
/// header line. The header is the only line whose content we know, which avoids CsvHelper's
/// whole-file heuristics that misdetect files with many commas in values.
/// </summary>
internal static class CsvDelimiterDetector
{
    public static readonly char[] Candidates = [',', ';', '\t'];

    /// <summary>R-IMP-12: delimiters some tools write that the import does not read.</summary>
    public static readonly char[] Unread = ['|', ':'];

    /// <summary>
    /// R-IMP-12: a header of one column that holds one of <see cref="Unread"/> was meant to be split by it
    /// (the one that occurs most often); otherwise null. Left alone it would import as one column and fail later as "First Name is required".
    /// </summary>
    public static char? UnreadDelimiterOf(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (headers.Count != 1)
        {
            return null;
        }

        var header = headers[0];
        var (delimiter, count) = Unread.Select(c => (c, header.Count(h => h == c))).MaxBy(d => d.Item2);
        return count > 0 ? delimiter : null;
    }

    public static char FromHeaderLine(IEnumerable<char> text)
    {
        var counts = new int[Candidates.Length];
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                if (counts.Any(n => n > 0))
                {
                    break;
                }
            }
            else if (!quoted && Array.IndexOf(Candidates, c) is var index and >= 0)
            {
                counts[index]++;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best])
            {
                best = i;
            }
        }

        return Candidates[best];
    }
}
