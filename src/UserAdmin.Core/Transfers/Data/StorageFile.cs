using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>QM: a stored recording owned by the user it records (combined on transfer).</summary>
public class StorageFile
{
    public long Id { get; set; }
    public int OwnerUserId { get; set; }
    public string Path { get; set; } = "";
    public long SizeBytes { get; set; }
    public Instant RecordedAt { get; set; }
}
