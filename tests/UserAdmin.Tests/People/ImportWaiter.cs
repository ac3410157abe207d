using System.Text.Json;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>Polls an import's JSON status, as its result page does, until its background job has finished (R-IMP-10).</summary>
public static class ImportWaiter
{
    public static async Task<JsonElement> FinishedAsync(TestClient client, string resultUrl, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var status = await StatusAsync(client, resultUrl);
            if (status.GetProperty("finished").GetBoolean())
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{resultUrl} did not finish: {status}");
            }

            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> StatusAsync(TestClient client, string resultUrl)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(resultUrl + "/status");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
