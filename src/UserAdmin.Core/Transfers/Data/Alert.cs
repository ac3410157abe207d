using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>Classic WFM: an adherence or staffing alert raised for a user (combined on transfer).</summary>
public class Alert
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public string Kind { get; set; } = "";
    public Instant RaisedAt { get; set; }
    public bool Acknowledged { get; set; }
}
