using NodaTime;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Mappings;

/// <summary>A named mapping schema (R-MAP-1), shared by all administrators of the tenant.</summary>
public class SavedMapping
{
    public const int NameLength = 100;

    private string _name = "";

    public int Id { get; set; }

    public string Name
    {
        get => _name;
        set
        {
            _name = value;
            NormalizedName = User.NormalizeKey(value);
        }
    }

    /// <summary>Upper-cased name: the unique index makes names unique ignoring case on every provider.</summary>
    public string NormalizedName { get; private set; } = "";

    /// <summary>The <see cref="Import.ImportMapping"/> as JSON: field → column header, date field → format.</summary>
    public string MappingJson { get; set; } = "";

    public int SavedByUserId { get; set; }

    public string SavedByName { get; set; } = "";

    public Instant SavedAt { get; set; }

    public Instant? LastUsedAt { get; set; }
}
