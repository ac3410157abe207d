using System.Text.Json;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>Polls a run's JSON status, as its page does, until the run has finished (or reached a point).</summary>
public static class TransferRunWaiter
{
    public static Task<JsonElement> FinishedAsync(TestClient client, string runUrl, TimeSpan? timeout = null) =>
        UntilAsync(client, runUrl, IsFinished, timeout ?? TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100));

    /// <summary>Polls often, so that a test can act (kill the app) close to the point it waits for.</summary>
    public static Task<JsonElement> DoneAtLeastAsync(TestClient client, string runUrl, int pairs, TimeSpan timeout) =>
        UntilAsync(client, runUrl, status => status.GetProperty("done").GetInt32() >= pairs || IsFinished(status), timeout, TimeSpan.FromMilliseconds(10));

    public static bool IsFinished(JsonElement status) => status.GetProperty("state").GetString() is "Succeeded" or "CompletedWithErrors";

    private static async Task<JsonElement> UntilAsync(TestClient client, string runUrl, Func<JsonElement, bool> reached, TimeSpan timeout, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync(runUrl + "/status");
            response.EnsureSuccessStatusCode();
            var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (reached(status))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{runUrl} did not get there: {status}");
            }

            await Task.Delay(interval);
        }
    }
}
