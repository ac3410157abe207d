using System.Net;
using AngleSharp.Dom;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Transfers;

/// <summary>Drives the bulk transfer pages over HTTP as an administrator would: download, edit, upload, preview, confirm, run.</summary>
public sealed class BulkSteps(TestClient client)
{
    public async Task<PeopleFile> DownloadAsync()
    {
        using var response = await client.GetAsync("/transfers/bulk/download");
        response.EnsureSuccessStatusCode();
        return PeopleFile.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Uploads a file; returns the preview URL, or throws with the problems shown.</summary>
    public async Task<string> UploadAsync(byte[] file)
    {
        using var response = await client.PostFileAsync("/transfers/bulk", "/transfers/bulk", "file", "bulk.csv", file);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await TestClient.ParseAsync(response);
            throw new InvalidOperationException("Upload refused: " + page.QuerySelector("#problems")?.TextContent.Trim());
        }

        return response.Headers.Location!.OriginalString;
    }

    public Task<IDocument> PreviewAsync(string previewUrl, string query = "") => client.GetDocumentAsync(previewUrl + query);

    /// <summary>Confirms and runs; returns the run's URL, or null and the error shown on the preview.</summary>
    public async Task<(string? RunUrl, string? Error)> RunAsync(string previewUrl)
    {
        using var response = await (await PrepareRunAsync(previewUrl)).PostAsync();
        return await RunAnswerAsync(response);
    }

    /// <summary>R-TRF-6: chooses "Include already transferred pairs" on the preview.</summary>
    public async Task IncludeTransferredAsync(string previewUrl)
    {
        ArgumentNullException.ThrowIfNull(previewUrl);
        using var included = await client.PostFormAsync(previewUrl, previewUrl.Replace("/preview", "/include-transferred", StringComparison.Ordinal), new Dictionary<string, string> { ["include"] = "true" });
        if (included.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Including the already transferred pairs answered {(int)included.StatusCode}.");
        }
    }

    /// <summary>The confirmation page's Run Transfer form as shown (its one-time key included), not yet posted.</summary>
    public Task<PreparedForm> PrepareRunAsync(string previewUrl) =>
        client.PrepareFormAsShownAsync(previewUrl.Replace("/preview", "/confirm", StringComparison.Ordinal), "#confirm-form");

    /// <summary>What the answer to Run Transfer shows: the run's URL, or null and the error on the preview.</summary>
    public async Task<(string? RunUrl, string? Error)> RunAnswerAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location?.OriginalString
            ?? throw new InvalidOperationException($"Run Transfer answered {(int)response.StatusCode} instead of a redirect.");
        if (location.Contains("/preview", StringComparison.Ordinal))
        {
            var preview = await client.GetDocumentAsync(location);
            return (null, preview.QuerySelector("#run-error")?.TextContent.Trim());
        }

        return (location, null);
    }

    public static byte[] File(PeopleFile file, string delimiter = ",") => file.ToBytes(delimiter);

    /// <summary>Sets To User ID on the row whose From User ID is <paramref name="target"/> (R-BLK-2: the source's data moves to the row's user).</summary>
    public static void MoveData(PeopleFile file, int source, int target, string? asTyped = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        var row = file.Rows.Single(r => r[0] == target.ToString(System.Globalization.CultureInfo.InvariantCulture));
        row[1] = asTyped ?? source.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
