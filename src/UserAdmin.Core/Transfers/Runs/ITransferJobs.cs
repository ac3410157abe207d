namespace UserAdmin.Core.Transfers.Runs;

/// <summary>Hands a transfer run to the background job system (Hangfire in the web app).</summary>
public interface ITransferJobs
{
    void Enqueue(int runId);
}
