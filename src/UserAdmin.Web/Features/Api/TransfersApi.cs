using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Bulk;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Uploads;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Api;

/// <summary>R-API-2: a bulk transfer from a CSV file (checked, or started) and a transfer's status with its audit log.</summary>
internal static class TransfersApi
{
    public static RouteGroupBuilder MapTransfersApi(this RouteGroupBuilder api)
    {
        api.MapPost("/transfers/bulk", BulkAsync)
            .RequireAuthorization(Policies.TransferUserData)
            .WithMetadata(new Hosting.UploadLimitAttribute())
            .WithName("StartBulkTransfer")
            .WithTags("Transfers")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Check (dryRun=true) or start a bulk user data transfer from a CSV file (R-BLK-2..6).")
            .WithDescription("multipart/form-data: file (the bulk file, From User ID and To User ID columns), dryRun, includeAlreadyTransferred (R-TRF-6: pairs whose source's data was already transferred are errors unless true). A dry run answers 200 with every pair and its errors; a start answers 202 with the transfer's id, 422 when the file has errors, 409 while another bulk is queued or running. A start sent again with the same Idempotency-Key header (a retry) answers 202 with the transfer the first one started and starts nothing (R-TRF-5).");
        api.MapGet("/transfers/{id:int}", StatusAsync)
            .RequireAuthorization(Policies.TransferUserData)
            .WithName("GetTransfer")
            .WithTags("Transfers")
            .WithSummary("A transfer's progress (R-BLK-6) and audit log (R-BLK-7).");
        return api;
    }

    private static async Task<Results<Ok<BulkDryRun>, Accepted<TransferStarted>, ProblemHttpResult>> BulkAsync(
        IFormFile? file,
        [FromForm] bool? dryRun,
        [FromForm] bool? includeAlreadyTransferred,
        [FromHeader(Name = IdempotencyKey.Header)] string? idempotencyKey,
        CurrentAdministrator current,
        BulkTransferPlanner planner,
        TransferRunStarter starter,
        IOptions<UploadLimits> settings,
        CancellationToken cancellationToken)
    {
        if (IdempotencyKey.Problem(idempotencyKey) is { } keyProblem)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Unusable idempotency key.", keyProblem);
        }

        var administrator = await current.GetAsync(cancellationToken);
        var confirmationKey = IdempotencyKey.ConfirmationKey(administrator.UserId, idempotencyKey);
        if (dryRun != true && await starter.StartedWithAsync(confirmationKey, cancellationToken) is { RunId: { } startedBefore })
        {
            return Started(startedBefore);
        }

        var (uploaded, refusal) = await ApiUpload.ReadAsync(file, settings.Value, cancellationToken);
        if (uploaded?.Document is not { } document)
        {
            return refusal!;
        }

        var plan = await planner.PlanAsync(document, administrator, cancellationToken) with { IncludesTransferred = includeAlreadyTransferred == true };
        if (dryRun == true)
        {
            return TypedResults.Ok(BulkDryRun.Of(plan, starter.AlreadyTransferredMessage));
        }

        if (!plan.CanRun)
        {
            var errors = plan.FileProblems.Concat(plan.ErrorsFirst.SelectMany(p => plan.ProblemsOf(p, starter.AlreadyTransferredMessage))).ToList();
            var detail = errors.Count == 0 ? "The file has no pairs: every row's To User ID is empty." : $"The file has {errors.Count} errors; fix them and send it again. Nothing was started.";
            return ApiProblems.File(StatusCodes.Status422UnprocessableEntity, "The bulk file has errors.", detail, errors);
        }

        // Each request is its own confirmation (R-TRF-5), and a retry carrying the same Idempotency-Key is the same one.
        var outcome = await starter.StartBulkAsync(administrator, plan.PairsToStart(), null, confirmationKey, cancellationToken);
        if (outcome.RunId is not { } runId)
        {
            return outcome.Refusals.Any(r => r.Kind is TransferRefusalKind.AnotherBulkActive or TransferRefusalKind.UserBusy)
                ? ApiProblems.Problem(StatusCodes.Status409Conflict, "Another transfer is queued or running.", outcome.Message)
                : ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "The bulk transfer cannot be started.", outcome.Message);
        }

        return Started(runId);
    }

    private static Accepted<TransferStarted> Started(int runId)
    {
        var status = $"/api/v1/transfers/{runId}";
        return TypedResults.Accepted(status, new TransferStarted(runId, status));
    }

    private static async Task<Results<Ok<TransferStatus>, ProblemHttpResult>> StatusAsync(
        int id, CurrentAdministrator current, TransferRunQueries runs, TransferAuditLog auditLog, CancellationToken cancellationToken)
    {
        var status = await runs.StatusAsync(await current.GetAsync(cancellationToken), id, cancellationToken);
        if (status is null)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "No such transfer.", $"Transfer {id} does not exist, or it is not one you may see.");
        }

        return TypedResults.Ok(TransferStatus.Of(status, await auditLog.EntriesAsync(id, cancellationToken: cancellationToken)));
    }
}
