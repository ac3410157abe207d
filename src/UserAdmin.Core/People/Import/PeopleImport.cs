using NodaTime;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// One import of an upload: queued by the apply button, run as a background job (R-IMP-10), and kept
/// for the history page once it has written its rows (R-IMP-9). Its state in the database is the
/// source of truth for the job, the result page and start-up recovery (ADR-0008).
/// </summary>
public class PeopleImport
{
    public int Id { get; set; }

    /// <summary>The upload being imported; null once the upload has expired and was deleted.</summary>
    public Guid? UploadId { get; set; }

    public ImportState State { get; set; }

    /// <summary>The administrator chose to leave out the invalid rows (R-IMP-8).</summary>
    public bool ImportValidRowsOnly { get; set; }

    /// <summary>R-IMP-13: what to write for the cells flagged as spreadsheet damage.</summary>
    public DamagedCellsChoice DamagedCells { get; set; }

    public string FileName { get; set; } = "";

    public int ImportedByUserId { get; set; }

    public string ImportedByName { get; set; } = "";

    /// <summary>When the administrator started the import.</summary>
    public Instant ImportedAt { get; set; }

    public Instant? FinishedAt { get; set; }

    /// <summary>How many users the import writes (new and updated), known once the file is checked again.</summary>
    public int RowsTotal { get; set; }

    /// <summary>
    /// R-IMP-10: rows written so far, committed by the running job outside its transaction on PostgreSQL and SQL Server
    /// (SQLite keeps it beside the database file, ADR-0016); the rows themselves commit only with the import.
    /// </summary>
    public int RowsWritten { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    /// <summary>Rows left out because they were invalid (the administrator chose to import only the valid rows).</summary>
    public int Skipped { get; set; }

    /// <summary>R-UNDO-2: created users this import (a revert) deleted.</summary>
    public int Deleted { get; set; }

    /// <summary>R-UNDO-2: the import this one reverts; null for an import of a file.</summary>
    public int? RevertOfImportId { get; set; }

    /// <summary>
    /// R-UNDO-2: the revert of this import, queued, running or done. Set only while unset (one statement), so
    /// two reverts submitted at once queue one; cleared again when that revert wrote nothing.
    /// </summary>
    public int? RevertedByImportId { get; set; }

    /// <summary>Why a refused or failed import wrote nothing, in words for the administrator.</summary>
    public string? Message { get; set; }

    /// <summary>R-IMP-14: every row's outcome as CSV (<see cref="RowResultsReport"/>), written when the import committed.</summary>
    public string? RowResults { get; set; }

    /// <summary>The invalid rows with an Error column, as CSV; null when every row was valid.</summary>
    public string? ErrorReport { get; set; }
}

/// <summary>R-IMP-10: where a background import stands.</summary>
public enum ImportState
{
    /// <summary>Submitted; the job has not started yet.</summary>
    Queued,

    /// <summary>The job checks the file again against the database (the rules of the preview).</summary>
    Checking,

    /// <summary>The job writes inside its one transaction.</summary>
    Writing,

    /// <summary>Committed: every valid row is written.</summary>
    Succeeded,

    /// <summary>A rule refused it (a user changed since the preview, invalid rows…); nothing was written.</summary>
    Refused,

    /// <summary>It broke off (an error, a crash or a restart); its transaction rolled back, nothing was written.</summary>
    Failed,
}

public static class ImportStates
{
    public static bool IsFinished(this ImportState state) => state is ImportState.Succeeded or ImportState.Refused or ImportState.Failed;

    /// <summary>The states of an import whose job has not finished: start-up recovery looks for these.</summary>
    public static readonly ImportState[] Unfinished = [ImportState.Queued, ImportState.Checking, ImportState.Writing];
}
