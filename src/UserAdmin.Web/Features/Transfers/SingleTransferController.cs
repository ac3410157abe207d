using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Transfers;

/// <summary>DESIGN 6.1: pick target and source, see the impact, Run Transfer, confirm, then follow the job.</summary>
[Route("transfers/single")]
[Authorize(Policy = Policies.TransferUserData)]
public sealed class SingleTransferController(
    CurrentAdministrator current, UserList users, TransferRules rules, TransferEngine engine, TransferHistory history, TransferRunStarter starter) : Controller
{
    private const int PickerSize = 25;

    [HttpGet("")]
    public async Task<IActionResult> Pick(string? targetSearch, string? sourceSearch, bool showInactive, int? target, int? source, CancellationToken cancellationToken)
    {
        var administrator = await current.GetAsync(cancellationToken);
        var targets = await CandidatesAsync(administrator, target is { } t && string.IsNullOrWhiteSpace(targetSearch) ? t.ToString(System.Globalization.CultureInfo.InvariantCulture) : targetSearch, showInactive, cancellationToken);
        var sources = await CandidatesAsync(administrator, source is { } s && string.IsNullOrWhiteSpace(sourceSearch) ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : sourceSearch, showInactive, cancellationToken);
        var model = new PickModel(targetSearch, sourceSearch, showInactive, target, source, targets, sources);
        if (target is { } targetId && source is { } sourceId)
        {
            model = model with { Check = await CheckAsync(administrator, sourceId, targetId, cancellationToken) };
        }

        return View(model);
    }

    /// <summary>
    /// R-UX-3: the pickers' search as you type. The same query as the plain form (so within the view, R-SEC-2),
    /// each user with the reason they cannot be chosen, if any.
    /// </summary>
    [HttpGet("users")]
    public async Task<IActionResult> Search(string? search, bool showInactive, CancellationToken cancellationToken)
    {
        var found = await CandidatesAsync(await current.GetAsync(cancellationToken), search, showInactive, cancellationToken);
        return Json(new
        {
            total = found.TotalCount,
            message = PickerOption.Summary(found),
            users = found.Rows.Select(PickerOption.From).Select(o => new { id = o.Id, label = o.Label, reason = o.Reason }),
        });
    }

    /// <summary>
    /// R-TRF-4, R-TRF-6, R-TRF-7: the confirmation says the transfer is permanent, shows per data type what moves and what
    /// is deleted (naming what nothing replaces) and any earlier transfer of the source; R-TRF-5: it carries a one-time key.
    /// </summary>
    [HttpGet("confirm")]
    public async Task<IActionResult> Confirm(int source, int target, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(await current.GetAsync(cancellationToken), source, target, cancellationToken);
        return check.Reasons.Count > 0 ? RedirectToAction(nameof(Pick), new { source, target }) : View(check with { ConfirmationKey = Guid.NewGuid() });
    }

    /// <summary>R-TRF-5: a second submit of the same confirmation shows the run the first one started.</summary>
    [HttpPost("")]
    public async Task<IActionResult> Run(int source, int target, Guid confirmationKey, bool acknowledgeEarlierTransfer, CancellationToken cancellationToken)
    {
        var outcome = await starter.StartSingleAsync(await current.GetAsync(cancellationToken), source, target, confirmationKey, acknowledgeEarlierTransfer, cancellationToken);
        if (outcome.RunId is { } runId)
        {
            return Redirect($"/transfers/{runId}");
        }

        TempData["Error"] = outcome.Message;
        var backToConfirmation = outcome.Refusals.All(r => r.Kind is TransferRefusalKind.AlreadyTransferred or TransferRefusalKind.UserBusy or TransferRefusalKind.CannotStart);
        return backToConfirmation ? RedirectToAction(nameof(Confirm), new { source, target }) : RedirectToAction(nameof(Pick), new { source, target });
    }

    private Task<UserListPage> CandidatesAsync(AdministratorProfile administrator, string? search, bool showInactive, CancellationToken cancellationToken) =>
        users.FindAsync(administrator, new UserListQuery(search, showInactive ? UserStatusFilter.All : UserStatusFilter.Active, UserSort.Name, 1, PickerSize), cancellationToken);

    private async Task<PairCheck> CheckAsync(AdministratorProfile administrator, int source, int target, CancellationToken cancellationToken)
    {
        var reasons = await rules.CheckAsync(administrator, source, target, cancellationToken);
        if (reasons.Count > 0)
        {
            return new PairCheck(source, target, null, null, null, reasons.Select(r => r.Message).ToList());
        }

        var impact = await engine.ImpactAsync(source, target, cancellationToken);
        return new PairCheck(source, target, await NameAsync(administrator, source, cancellationToken), await NameAsync(administrator, target, cancellationToken), impact, [])
        {
            Earlier = await history.EarlierTransferAsync(source, cancellationToken),
        };
    }

    private async Task<string> NameAsync(AdministratorProfile administrator, int id, CancellationToken cancellationToken)
    {
        var page = await users.FindAsync(administrator, new UserListQuery(id.ToString(CultureInfo.InvariantCulture), UserStatusFilter.All, UserSort.Id, 1, 25), cancellationToken);
        return page.Rows.Single(r => r.Id == id) is var user ? $"{user.FirstName} {user.LastName}" : "";
    }
}

public sealed record PickModel(string? TargetSearch, string? SourceSearch, bool ShowInactive, int? Target, int? Source, UserListPage Targets, UserListPage Sources)
{
    public PairCheck? Check { get; init; }
}

/// <summary>A chosen pair: why it is refused, or its names, impact and the source's earlier transfer (R-TRF-6).</summary>
public sealed record PairCheck(int Source, int Target, string? SourceName, string? TargetName, TransferImpact? Impact, IReadOnlyList<string> Reasons)
{
    public EarlierTransfer? Earlier { get; init; }

    /// <summary>R-TRF-5: the one-time key of the confirmation page.</summary>
    public Guid ConfirmationKey { get; init; }

    public string SourceLabel => UserLabel.Of(SourceName ?? "", Source);

    public string TargetLabel => UserLabel.Of(TargetName ?? "", Target);
}
