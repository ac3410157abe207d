using UserAdmin.Core.Users;

namespace UserAdmin.Tests.Privileges;

/// <summary>A user's privileges as the matrix arranges and reads them: role names, Full Scope, scope teams and groups.</summary>
public sealed record Holding(IReadOnlySet<string> Roles, bool FullScope, IReadOnlySet<string> ScopeTeams, IReadOnlySet<string> ScopeGroups);

/// <summary>One privilege field of the matrix and the value added to it.</summary>
public sealed record PrivilegeChange(string Field, string? Value)
{
    public override string ToString() => Value is null ? Field : $"{Field} +{Value}";

    public Holding ApplyTo(Holding holding)
    {
        ArgumentNullException.ThrowIfNull(holding);
        return Field switch
        {
            "Roles" => holding with { Roles = holding.Roles.Append(Value!).ToHashSet(StringComparer.OrdinalIgnoreCase) },
            "Full Scope" => holding with { FullScope = true },
            "Scope Teams" => holding with { ScopeTeams = holding.ScopeTeams.Append(Value!).ToHashSet(StringComparer.OrdinalIgnoreCase) },
            _ => holding with { ScopeGroups = holding.ScopeGroups.Append(Value!).ToHashSet(StringComparer.OrdinalIgnoreCase) },
        };
    }

    public bool Changes(Holding holding) => Field switch
    {
        "Roles" => !holding.Roles.Contains(Value!),
        "Full Scope" => !holding.FullScope,
        "Scope Teams" => !holding.ScopeTeams.Contains(Value!),
        _ => !holding.ScopeGroups.Contains(Value!),
    };
}

/// <summary>What the matrix expects of a row: applied, unchanged, or refused naming these fields.</summary>
public sealed record ExpectedOutcome(string Kind, IReadOnlyList<string> RefusedFields)
{
    public static readonly ExpectedOutcome Applied = new("applied", []);
    public static readonly ExpectedOutcome Unchanged = new("unchanged", []);

    public static ExpectedOutcome Refused(params string[] fields) => new("refused", fields);

    public override string ToString() => RefusedFields.Count == 0 ? Kind : $"{Kind} ({string.Join(", ", RefusedFields)})";
}

/// <summary>
/// R-SEC-5 restated from DESIGN's words, independently of the app's GrantRules: the matrix compares the app's
/// answer for each combination with this one.
/// </summary>
public sealed class EscalationOracle(IReadOnlyDictionary<string, (Permissions Permissions, bool TenantAdministrator)> roles)
{
    public ExpectedOutcome Expect(Holding importer, bool ownRow, Holding target, PrivilegeChange change)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(change);
        if (!change.Changes(target))
        {
            return ExpectedOutcome.Unchanged;
        }

        // "Nobody changes their own Roles, Full Scope, Scope Teams or Scope Groups by import."
        if (ownRow)
        {
            return ExpectedOutcome.Refused(change.Field);
        }

        if (IsTenantAdministrator(importer))
        {
            return ExpectedOutcome.Applied;
        }

        // "Only a tenant administrator ... import[s] changes to a tenant administrator" (R-SEC-3).
        if (IsTenantAdministrator(target))
        {
            return ExpectedOutcome.Refused("Roles");
        }

        // "Nobody who is not a tenant administrator edits or clears a user holding a permission or a view wider than their own."
        var wider = new List<string>();
        if ((PermissionsOf(target) & ~PermissionsOf(importer)) != Permissions.None)
        {
            wider.Add("Roles");
        }

        if (target.FullScope && !importer.FullScope)
        {
            wider.Add("Full Scope");
        }

        if (!importer.FullScope && !target.ScopeTeams.IsSubsetOf(importer.ScopeTeams))
        {
            wider.Add("Scope Teams");
        }

        if (!importer.FullScope && !target.ScopeGroups.IsSubsetOf(importer.ScopeGroups))
        {
            wider.Add("Scope Groups");
        }

        if (wider.Count > 0)
        {
            return ExpectedOutcome.Refused([.. wider]);
        }

        // "... may give a user only roles whose permissions they hold themselves, and a view no wider than their own."
        var grantable = change.Field switch
        {
            "Roles" => !roles[change.Value!].TenantAdministrator && (roles[change.Value!].Permissions & ~PermissionsOf(importer)) == Permissions.None,
            "Full Scope" => importer.FullScope,
            "Scope Teams" => importer.FullScope || importer.ScopeTeams.Contains(change.Value!),
            _ => importer.FullScope || importer.ScopeGroups.Contains(change.Value!),
        };
        return grantable ? ExpectedOutcome.Applied : ExpectedOutcome.Refused(change.Field);
    }

    private bool IsTenantAdministrator(Holding holding) => holding.Roles.Any(r => roles[r].TenantAdministrator);

    private Permissions PermissionsOf(Holding holding) =>
        IsTenantAdministrator(holding) ? Permissions.All : holding.Roles.Aggregate(Permissions.None, (all, role) => all | roles[role].Permissions);
}
