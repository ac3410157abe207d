using System.Net;
using AngleSharp.Dom;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Reliability;

/// <summary>One row of the preview's errors table, as the administrator reads it.</summary>
public sealed record ErrorRow(string Line, string Column, string Value, string Problem);

/// <summary>What the administrator saw while taking a file through the wizard.</summary>
public sealed record AttemptResult(string? UploadProblems, string? PreviewProblems, IReadOnlyList<ErrorRow> Errors, string? ApplyRefusal, bool Applied)
{
    public static AttemptResult RefusedAtUpload(string problems) => new(problems, null, [], null, false);
}

/// <summary>
/// Takes a file through the wizard as far as the app lets it go: upload, map (auto-matched plus the
/// input's choices), preview, the errors view, and apply without "import only the valid rows".
/// Every answer is checked to be below 500 the moment it arrives.
/// </summary>
public sealed class WizardAttempt(TestClient client)
{
    private readonly ImportSteps _steps = new(client);

    public async Task<AttemptResult> RunAsync(BadInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var upload = BelowServerError(await _steps.UploadRawAsync(input.File), "upload");
        if (upload.StatusCode != HttpStatusCode.Redirect)
        {
            return AttemptResult.RefusedAtUpload(ProblemsOf(await TestClient.ParseAsync(upload)));
        }

        var mapUrl = upload.Headers.Location!.OriginalString;
        var form = ImportSteps.FormValues(await PageAsync(mapUrl), "#map-form");
        foreach (var (field, value) in input.Mapping)
        {
            form[field] = value;
        }

        using var map = BelowServerError(await _steps.PostMapAsync(mapUrl, form), "map");
        Assert.True(map.StatusCode == HttpStatusCode.Redirect, $"The map step refused the mapping: {ProblemsOf(await TestClient.ParseAsync(map))}");
        var previewUrl = map.Headers.Location!.OriginalString;
        var preview = await PageAsync(previewUrl);
        var errors = await PageAsync(previewUrl + "?view=Errors");
        var (applied, refusal) = await ApplyAsync(previewUrl);
        return new AttemptResult(null, ProblemsOf(preview), ErrorRowsOf(errors), refusal, applied);
    }

    private async Task<(bool Applied, string? Refusal)> ApplyAsync(string previewUrl)
    {
        var applyUrl = previewUrl.Replace("/preview", "/apply", StringComparison.Ordinal);
        using var response = BelowServerError(await client.PostFormAsync(previewUrl, applyUrl, []), "apply");
        var location = response.Headers.Location?.OriginalString ?? "";
        if (location.StartsWith("/people/imports/", StringComparison.Ordinal))
        {
            // R-IMP-10: the import runs in the background; its result page says whether it wrote anything.
            var status = await ImportWaiter.FinishedAsync(client, location);
            return status.GetProperty("state").GetString() == "Succeeded"
                ? (true, null)
                : (false, (await PageAsync(location)).QuerySelector("#import-problem")?.TextContent.Trim());
        }

        return (false, (await PageAsync(location)).QuerySelector("#apply-error")?.TextContent.Trim());
    }

    private async Task<IDocument> PageAsync(string url)
    {
        using var response = BelowServerError(await client.GetAsync(url), url);
        return await TestClient.ParseAsync(response);
    }

    private static HttpResponseMessage BelowServerError(HttpResponseMessage response, string step)
    {
        Assert.True((int)response.StatusCode < 500, $"The {step} step answered {(int)response.StatusCode}.");
        return response;
    }

    private static string ProblemsOf(IDocument page) => page.QuerySelector("#problems")?.TextContent.Trim() ?? "";

    private static List<ErrorRow> ErrorRowsOf(IDocument page) =>
        page.QuerySelectorAll("#errors tbody tr")
            .Select(row => row.QuerySelectorAll("td").Select(cell => cell.TextContent.Trim()).ToList())
            .Where(cells => cells.Count == 4)
            .Select(cells => new ErrorRow(cells[0], cells[1], cells[2], cells[3]))
            .ToList();
}
