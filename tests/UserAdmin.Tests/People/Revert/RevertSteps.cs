using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People.Revert;

/// <summary>Drives an import and its revert over HTTP as a browser would (R-UNDO-2): the revert preview, the include form, the Revert button.</summary>
public sealed class RevertSteps(TestClient client)
{
    public ImportSteps Import { get; } = new(client);

    public static string RevertUrl(int importId) => $"/people/imports/{importId.ToString(CultureInfo.InvariantCulture)}/revert";

    public static int IdOf(string resultUrl) => int.Parse(resultUrl.Split('/')[^1], CultureInfo.InvariantCulture);

    /// <summary>Imports the file with the auto-matched mapping and returns the import's id; fails the test when it is not imported.</summary>
    public async Task<int> ImportAsync(PeopleFile file)
    {
        var (resultUrl, error) = await Import.ApplyAsync(await Import.PreviewAsync(file.ToBytes()));
        Assert.True(error is null, error);
        return IdOf(resultUrl!);
    }

    public Task<IDocument> PreviewAsync(int importId) => client.GetDocumentAsync(RevertUrl(importId));

    /// <summary>The Revert button of the preview, its draft and token read, not yet posted.</summary>
    public Task<PreparedForm> PrepareAsync(int importId) => client.PrepareFormAsShownAsync(RevertUrl(importId), "#apply-form");

    /// <summary>Reverts as previewed; returns the revert's import id once its job finished, or null and the reason shown.</summary>
    public async Task<(int? RevertId, string? Error)> RevertAsync(int importId)
    {
        using var response = await (await PrepareAsync(importId)).PostAsync();
        return await AnswerAsync(response);
    }

    public async Task<(int? RevertId, string? Error)> AnswerAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        if (location.EndsWith("/revert", StringComparison.Ordinal))
        {
            var preview = await client.GetDocumentAsync(location);
            return (null, preview.QuerySelector("#apply-error")?.TextContent.Trim());
        }

        var status = await ImportWaiter.FinishedAsync(client, location);
        return status.GetProperty("state").GetString() == "Succeeded"
            ? (IdOf(location), null)
            : (null, (await client.GetDocumentAsync(location)).QuerySelector("#import-problem")?.TextContent.Trim());
    }

    /// <summary>Checks the users changed since (by id) on the preview and plans the revert again with them.</summary>
    public async Task IncludeAsync(int importId, params int[] userIds)
    {
        using var response = await client.PostFormAsync(RevertUrl(importId), RevertUrl(importId) + "/include",
            userIds.Select(id => new KeyValuePair<string, string>("include", id.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
