using UserAdmin.Core.Transfers;

namespace UserAdmin.Web.Features.Transfers;

/// <summary>
/// R-TRF-1, R-BLK-0: the catalogue as the transfer pages show it, by module and mode, with one line
/// on what each mode does (the mode's name is <see cref="TransferableDataType.ModeName"/>).
/// </summary>
public static class TransferCatalogueGroups
{
    /// <summary>The seed's limitation, said on every transfer page.</summary>
    public const string Scope = "This page only transfers user data for Quality Management and Classic WFM.";

    /// <summary>Module by module, combined before overwritten, each type in catalogue order.</summary>
    public static IReadOnlyList<CatalogueGroup> All { get; } = TransferCatalogue.All
        .GroupBy(type => (type.Module, type.Mode))
        .OrderBy(group => group.Key.Module).ThenBy(group => group.Key.Mode)
        .Select(group => new CatalogueGroup(group.First().ModuleName, group.Key.Mode, group.ToList()))
        .ToList();

    /// <summary>One line on what a mode does (DESIGN 2.3).</summary>
    public static string ModeMeaning(TransferMode mode) => mode switch
    {
        TransferMode.Combine => "The source's rows are added to the target's; the target keeps its own rows.",
        TransferMode.Overwrite => "The target's rows of the type are deleted first, then the source's rows become the target's: a user can hold only one per key (for example one schedule per day).",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "A transfer mode without words."),
    };
}

/// <summary>The types of one module that a transfer treats the same way.</summary>
public sealed record CatalogueGroup(string ModuleName, TransferMode Mode, IReadOnlyList<TransferableDataType> Types)
{
    public string ModeName => Types[0].ModeName;

    public string ModeMeaning => TransferCatalogueGroups.ModeMeaning(Mode);
}
