namespace UserAdmin.Core.Transfers;

/// <summary>R-TRF-4, R-TRF-7: what a transfer does to one data type, in the words the confirmation shows.</summary>
public static class ImpactWords
{
    /// <summary>R-TRF-7: an overwritten type whose target rows are deleted while the source has none to replace them.</summary>
    public static bool DestroysWithoutReplacement(DataTypeCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Type.Mode == TransferMode.Overwrite && counts.TargetRowsDeleted > 0 && counts.RowsMoved == 0;
    }

    /// <summary>"Jenny Andrews's 30 agent schedules are deleted and nothing replaces them."</summary>
    public static string Destroyed(DataTypeCounts counts, string targetName)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return $"{targetName}'s {counts.TargetRowsDeleted} {counts.Type.Name.ToLowerInvariant()} are deleted and nothing replaces them.";
    }

    public static string Describe(DataTypeCounts counts, string sourceName, string targetName)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (DestroysWithoutReplacement(counts))
        {
            return Destroyed(counts, targetName);
        }

        var type = counts.Type.Name.ToLowerInvariant();
        return counts.Type.Mode == TransferMode.Overwrite
            ? $"{targetName}'s {counts.TargetRowsDeleted} {type} are deleted and replaced by {sourceName}'s {counts.RowsMoved}."
            : $"{sourceName}'s {counts.RowsMoved} {type} are added to {targetName}'s own.";
    }
}
