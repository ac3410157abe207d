using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Uploads;
using UserAdmin.Web.Features.People;
using UserAdmin.Web.Hosting;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Api;

/// <summary>R-API-2: people.csv and the import, over the services the pages use.</summary>
internal static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        api.MapGet("/people.csv", ExportAsync)
            .RequireAuthorization(Policies.ExportUsers)
            .WithName("ExportPeople")
            .WithTags("People")
            .WithSummary("people.csv of every user in the token owner's view (R-EXP-1..4).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        api.MapPost("/people/imports", ImportAsync)
            .RequireAuthorization(Policies.AssignUserRoles)
            .WithMetadata(new UploadLimitAttribute())
            .WithName("ImportPeople")
            .WithTags("People")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Import people from a CSV file: a dry run (dryRun=true) or the import itself.")
            .WithDescription("multipart/form-data: file (the CSV), mapping (optional name of a saved mapping; otherwise columns are matched by name), dryRun, importValidRowsOnly. A dry run answers 200 with counts, changes and row errors; an import answers 202 with the started import's id, or 422 when the file has errors.");
        api.MapGet("/people/imports/{id:int}", ImportStatusAsync)
            .RequireAuthorization(Policies.AssignUserRoles)
            .WithName("GetPeopleImport")
            .WithTags("People")
            .WithSummary("One import of the token owner's history (R-IMP-9, R-SEC-8).");
        return api;
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> ExportAsync(
        string? dateFormat, HttpResponse response, CurrentAdministrator current, PeopleCsvExport export, CancellationToken cancellationToken)
    {
        if (PeopleCsvExport.DateFormatFrom(dateFormat, out var problem) is not { } format)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Unknown date format.", problem);
        }

        var administrator = await current.GetAsync(cancellationToken);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Stream(output => export.WriteAsync(output, administrator, format, cancellationToken), "text/csv; charset=utf-8", PeopleCsvExport.FileName);
    }

    private static async Task<Results<Ok<ImportDryRun>, Accepted<ImportStarted>, ProblemHttpResult>> ImportAsync(
        IFormFile? file,
        [FromForm] string? mapping,
        [FromForm] bool? dryRun,
        [FromForm] bool? importValidRowsOnly,
        CurrentAdministrator current,
        ScriptedImport import,
        ImportJobs jobs,
        IOptions<UploadLimits> settings,
        CancellationToken cancellationToken)
    {
        var (uploaded, refusal) = await ApiUpload.ReadAsync(file, settings.Value, cancellationToken);
        if (uploaded?.Document is not { } document)
        {
            return refusal!;
        }

        var administrator = await current.GetAsync(cancellationToken);
        var validOnly = importValidRowsOnly ?? false;
        var result = await import.RunAsync(file!.FileName, document, mapping, dryRun ?? false, validOnly, administrator, cancellationToken);
        switch (result.Kind)
        {
            case ScriptedImportKind.Planned:
                return TypedResults.Ok(ImportDryRun.Of(result.Plan!, result.MissingColumns, result.Message));
            case ScriptedImportKind.Started:
                jobs.Enqueue(result.ImportId!.Value);
                var status = $"/api/v1/people/imports/{result.ImportId}";
                return TypedResults.Accepted(status, new ImportStarted(result.ImportId!.Value, status));
            case ScriptedImportKind.Conflict:
                return ApiProblems.Problem(StatusCodes.Status409Conflict, "The import conflicts with another change.", result.Message);
            default:
                return result.Plan is { } plan
                    ? ApiProblems.File(StatusCodes.Status422UnprocessableEntity, "The file cannot be imported as it is.", result.Message, plan.BlockingProblems.Concat(plan.AllProblems),
                        new Dictionary<string, object?> { ["counts"] = ImportDryRun.CountsOf(plan) })
                    : ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "The file cannot be imported as it is.", result.Message);
        }
    }

    private static async Task<Results<Ok<ImportStatus>, ProblemHttpResult>> ImportStatusAsync(int id, CurrentAdministrator current, UserAdminDbContext db, CancellationToken cancellationToken)
    {
        var administrator = await current.GetAsync(cancellationToken);
        var import = await db.PeopleImports.AsNoTracking().VisibleTo(administrator).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return import is null
            ? ApiProblems.Problem(StatusCodes.Status404NotFound, "No such import.", $"Import {id} is not in your history: it does not exist, or another administrator ran it.")
            : TypedResults.Ok(ImportStatus.Of(import));
    }
}
