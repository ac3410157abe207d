namespace UserAdmin.Core.People.Revert;

/// <summary>
/// R-UNDO-2: a revert being previewed. Its users' target values are the generated upload's rows (the revert
/// is an import of that file); what a file cannot say is kept here: which import it reverts, which users
/// changed since that the administrator chose to include, and which created users it deletes.
/// Deleted with its upload.
/// </summary>
public class ImportRevertDraft
{
    /// <summary>The generated upload whose rows are the revert's updates.</summary>
    public Guid UploadId { get; set; }

    public int RevertOfImportId { get; set; }

    /// <summary>Comma-separated ids of users changed since the import whom the administrator included.</summary>
    public string IncludedUserIds { get; set; } = "";

    /// <summary>"id:version" lines: the users the import created that the revert deletes, as the preview saw them.</summary>
    public string DeletedUsers { get; set; } = "";

    /// <summary>How many users the import created are deactivated instead of deleted (they own data or signed in).</summary>
    public int Deactivated { get; set; }

    /// <summary>JSON of the <see cref="ChangedSinceUser"/>s, as the preview found them.</summary>
    public string ChangedSince { get; set; } = "[]";

    /// <summary>Why the administrator may not delete some of the created users, one sentence a line; empty when they may.</summary>
    public string DeletionRefusals { get; set; } = "";

    public static string FormatIds(IEnumerable<int> ids) => string.Join(',', ids.Order());

    public static IReadOnlySet<int> ParseIds(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => int.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
}
