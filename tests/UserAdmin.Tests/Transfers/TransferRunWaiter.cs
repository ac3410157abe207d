using System.Text.Json;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>Polls a run's JSON status, as its page does, until the run has finished.</summary>
public static class TransferRunWaiter
{
    public static async Task<JsonElement> FinishedAsync(TestClient client, string runUrl, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            using var response = await client.GetAsync(runUrl + "/status");
            response.EnsureSuccessStatusCode();
            var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (status.GetProperty("state").GetString() is "Succeeded" or "CompletedWithErrors")
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{runUrl} did not finish: {status}");
            }

            await Task.Delay(100);
        }
    }
}
