using UserAdmin.Core.People;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.People;

/// <summary>R-EXP-3: the export is written page by page as it is read, so what is held in memory does not grow with the number of users.</summary>
public sealed class PeopleExportStreamingTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    /// <summary>Records how many bytes arrive between two flushes: the most the export ever held back.</summary>
    private sealed class FlushRecorder : MemoryStream
    {
        private long _flushedAt;

        public List<long> Chunks { get; } = [];

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Chunks.Add(Length - _flushedAt);
            _flushedAt = Length;
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Users_are_written_page_by_page_with_a_bounded_amount_held_back()
    {
        const int users = 7000;
        await using (var db = database.CreateDbContext())
        {
            db.Users.AddRange(Enumerable.Range(0, users).Select(i => new User { FirstName = "Stream", LastName = $"User{i:D5}", Email = $"stream.{i}@example.com", EmployeeId = $"{i:D6}" }));
            await db.SaveChangesAsync();
        }

        await using var context = database.CreateDbContext();
        var export = new PeopleCsvExport(context, new UserViewScope(context), new PeopleReader(context));
        var everyone = new AdministratorProfile(0, "Exporter", Permissions.All, true, true, [], [], []);
        using var output = new FlushRecorder();

        await export.WriteAsync(output, everyone, DateFormat.YearMonthDayDash);
        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(users + 1, lines.Length);
        Assert.True(output.Chunks.Count(c => c > 0) >= users / PeopleReader.PageSize, $"flushes: {string.Join(", ", output.Chunks)}");
        Assert.All(output.Chunks, chunk => Assert.True(chunk < 2 * 1024 * 1024, $"{chunk} bytes held back before a flush"));
    }
}
