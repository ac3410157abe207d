using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>Classic WFM: work a user asked the server to do (schedule generation, forecast, report; combined on transfer).</summary>
public class ServerRequest
{
    public long Id { get; set; }
    public int RequestedByUserId { get; set; }
    public string Kind { get; set; } = "";
    public string Status { get; set; } = "";
    public Instant RequestedAt { get; set; }
}
