namespace UserAdmin.Core.Transfers.Data;

/// <summary>Classic WFM: vacation hours accumulated by a user in one year; one per user and year, so overwritten on transfer.</summary>
public class VacationHours
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public int Year { get; set; }
    public decimal AccruedHours { get; set; }
    public decimal UsedHours { get; set; }
}
