using UserAdmin.Core.Naming;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Users;

namespace UserAdmin.Web.Features.Transfers;

/// <summary>
/// One user in a transfer picker, worded the same whether the server renders the list or the
/// type-ahead script fills it (R-UX-3): "Jenny Andrews (21) — jenny@… — inactive", and, for a user
/// who can never be chosen, the reason.
/// </summary>
public sealed record PickerOption(int Id, string Label, string? Reason)
{
    public bool IsEligible => Reason is null;

    public static PickerOption From(UserListRow user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var reason = TransferRules.WhyNotEligible(user);
        var label = $"{user.FirstName} {user.LastName} ({user.Id}) — {user.Email}{(user.IsActive ? "" : " — inactive")}{(reason is null ? "" : " — " + reason)}";
        return new PickerOption(user.Id, label, reason);
    }

    /// <summary>The line under a picker: how many users match and how many are listed.</summary>
    public static string Summary(UserListPage found)
    {
        ArgumentNullException.ThrowIfNull(found);
        return found.TotalCount switch
        {
            0 => "No users match.",
            var total when total > found.Rows.Count => $"Showing {found.Rows.Count} of {Counted.Of(total, "matching user")}; type more to narrow them.",
            var total => Counted.Of(total, "matching user") + ".",
        };
    }
}
