using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using UserAdmin.Core.People.Import;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>Drives the import wizard over HTTP as a browser would: upload, map (as auto-matched or changed), preview, apply.</summary>
public sealed class ImportSteps(TestClient client)
{
    public static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Utf8(string text) => Utf8WithBom.GetPreamble().Concat(Utf8WithBom.GetBytes(text)).ToArray();

    /// <summary>Uploads a file and returns the map page's URL, or throws with the page's problems.</summary>
    public async Task<string> UploadAsync(byte[] file, string fileName = "people.csv")
    {
        using var response = await UploadRawAsync(file, fileName);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await TestClient.ParseAsync(response);
            throw new InvalidOperationException($"Upload refused: {page.QuerySelector("#problems")?.TextContent.Trim()}");
        }

        return response.Headers.Location!.OriginalString;
    }

    public Task<HttpResponseMessage> UploadRawAsync(byte[] file, string fileName = "people.csv") =>
        client.PostFileAsync("/people/import", "/people/import", "file", fileName, file);

    /// <summary>The problems an upload is refused with, as shown on the page.</summary>
    public async Task<(HttpStatusCode Status, string Problems)> RefusedUploadAsync(byte[] file)
    {
        using var response = await UploadRawAsync(file);
        var page = await TestClient.ParseAsync(response);
        return (response.StatusCode, page.QuerySelector("#problems")?.TextContent.Trim() ?? "");
    }

    /// <summary>The map form's current choices (auto-matched or from a saved mapping).</summary>
    public async Task<Dictionary<string, string>> MapFormAsync(string mapUrl)
    {
        var page = await client.GetDocumentAsync(mapUrl);
        return FormValues(page, "#map-form");
    }

    public static Dictionary<string, string> FormValues(IDocument page, string formSelector)
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException($"No form {formSelector}.");
        var values = new Dictionary<string, string>();
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select"))
        {
            values[select.Name!] = select.Value ?? "";
        }

        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=text]"))
        {
            values[input.Name!] = input.Value;
        }

        return values;
    }

    /// <summary>Posts the map form and returns the response (a redirect to the preview when the mapping is complete).</summary>
    public Task<HttpResponseMessage> PostMapAsync(string mapUrl, IDictionary<string, string> form) =>
        client.PostFormAsync(mapUrl, mapUrl, form);

    /// <summary>Uploads, keeps the auto-matched mapping (with changes), and returns the preview URL.</summary>
    public async Task<string> PreviewAsync(byte[] file, Action<Dictionary<string, string>>? changeMapping = null)
    {
        var mapUrl = await UploadAsync(file);
        var form = await MapFormAsync(mapUrl);
        changeMapping?.Invoke(form);
        using var response = await PostMapAsync(mapUrl, form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await TestClient.ParseAsync(response);
            throw new InvalidOperationException($"Mapping refused: {page.QuerySelector("#problems")?.TextContent.Trim()}");
        }

        return response.Headers.Location!.OriginalString;
    }

    public Task<IDocument> PreviewPageAsync(string previewUrl, string query = "") => client.GetDocumentAsync(previewUrl + query);

    /// <summary>Applies the import; returns the result page URL, or null and the error shown on the preview.</summary>
    public async Task<(string? ResultUrl, string? Error)> ApplyAsync(string previewUrl, bool importValidRowsOnly = false, DamagedCellsChoice? damagedCells = null)
    {
        using var response = await (await PrepareApplyAsync(previewUrl, importValidRowsOnly, damagedCells)).PostAsync();
        return await ApplyAnswerAsync(response);
    }

    /// <summary>The preview's Import form, token read, not yet posted.</summary>
    public Task<PreparedForm> PrepareApplyAsync(string previewUrl, bool importValidRowsOnly = false, DamagedCellsChoice? damagedCells = null)
    {
        var applyUrl = previewUrl.Replace("/preview", "/apply", StringComparison.Ordinal);
        var fields = importValidRowsOnly ? new Dictionary<string, string> { ["importValidRowsOnly"] = "true" } : [];
        if (damagedCells is { } choice)
        {
            fields["damagedCells"] = choice.ToString(); // R-IMP-13: the preview's choice for the flagged cells
        }

        return client.PrepareFormAsync(previewUrl, applyUrl, fields);
    }

    /// <summary>What the answer to Import shows: the result page URL, or null and the error on the preview.</summary>
    public async Task<(string? ResultUrl, string? Error)> ApplyAnswerAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        if (location.StartsWith("/people/imports/", StringComparison.Ordinal))
        {
            return (location, null);
        }

        var preview = await client.GetDocumentAsync(location);
        return (null, preview.QuerySelector("#apply-error")?.TextContent.Trim());
    }

    public async Task<string> ExportAsync(string query = "") => Encoding.UTF8.GetString(await ExportBytesAsync(query));

    /// <summary>The export exactly as downloaded: comparing two of them shows whether anything in the database changed.</summary>
    public async Task<byte[]> ExportBytesAsync(string query = "")
    {
        using var response = await client.GetAsync("/people/export" + query);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
