using NodaTime;

namespace UserAdmin.Core.People.Import;

/// <summary>One applied import, kept for the history page (R-IMP-9).</summary>
public class PeopleImport
{
    public int Id { get; set; }

    public string FileName { get; set; } = "";

    public int ImportedByUserId { get; set; }

    public string ImportedByName { get; set; } = "";

    public Instant ImportedAt { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    /// <summary>Rows left out because they were invalid (the administrator chose to import only the valid rows).</summary>
    public int Skipped { get; set; }

    /// <summary>The invalid rows with an Error column, as CSV; null when every row was valid.</summary>
    public string? ErrorReport { get; set; }
}
