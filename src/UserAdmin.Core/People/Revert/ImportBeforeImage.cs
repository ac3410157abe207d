using System.Text.Json;
using System.Text.Json.Serialization;

namespace UserAdmin.Core.People.Revert;

/// <summary>
/// R-UNDO-1: what one applied import did to one user, written in the import's own transaction: the values
/// it replaced (an update), that it created the user, or (a revert) the whole user it deleted. The version
/// is the user's concurrency token right after the import wrote it, so a later change of any kind shows.
/// </summary>
public class ImportBeforeImage
{
    public int ImportId { get; set; }

    public int UserId { get; set; }

    public BeforeImageKind Kind { get; set; }

    /// <summary>JSON of <see cref="BeforeImageValues"/>: the changed fields' old values (updated), every field (deleted), null (created).</summary>
    public string? Values { get; set; }

    /// <summary>The user's version as the import left it; empty for a user the import deleted.</summary>
    public Guid VersionAfter { get; set; }
}

public enum BeforeImageKind
{
    /// <summary>The import changed some fields of an existing user.</summary>
    Updated,

    /// <summary>The import created the user.</summary>
    Created,

    /// <summary>A revert deleted a user its import had created; the values are the whole user, so that reverting the revert creates them again.</summary>
    Deleted,
}

/// <summary>Canonical people.csv values by field (<see cref="PersonRecord"/> terms), stored as JSON in a before-image.</summary>
public static class BeforeImageValues
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Format(IEnumerable<(PersonField Field, string? Value)> values) =>
        JsonSerializer.Serialize(values.ToDictionary(v => v.Field, v => v.Value), Json);

    public static IReadOnlyDictionary<PersonField, string?> Parse(string? json) =>
        json is null ? new Dictionary<PersonField, string?>() : JsonSerializer.Deserialize<Dictionary<PersonField, string?>>(json, Json) ?? [];
}
