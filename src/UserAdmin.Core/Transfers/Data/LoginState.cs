using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>QM: one session of a user logged in to recording (combined on transfer).</summary>
public class LoginState
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public Instant LoggedInAt { get; set; }
    public Instant? LoggedOutAt { get; set; }
    public string Workstation { get; set; } = "";
}
