using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>QM: a command the recording API received for an agent's recording (start, stop, pause, tag; combined on transfer).</summary>
public class RecordingApiCommand
{
    public long Id { get; set; }
    public int AgentUserId { get; set; }
    public string Command { get; set; } = "";
    public string Client { get; set; } = "";
    public Instant ReceivedAt { get; set; }
}
