using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// The users an import touches, loaded in sets: the matched users within the administrator's view
/// (in chunks, so no query exceeds SQL Server's parameter limit), and the owners of every email and login.
/// </summary>
internal sealed class ExistingPeople
{
    private const int Chunk = 1000;

    private ExistingPeople(Dictionary<int, StoredPerson> byId, Dictionary<string, int> emailOwners, Dictionary<string, int> loginOwners, HashSet<int> activeTenantAdministrators, HashSet<int> withPassword)
    {
        WithPassword = withPassword;
        ById = byId;
        ByEmail = byId.Values.ToDictionary(p => User.NormalizeKey(p.Values[PersonField.Email]!));
        EmailOwners = emailOwners;
        LoginOwners = loginOwners;
        ActiveTenantAdministrators = activeTenantAdministrators;
    }

    public Dictionary<int, StoredPerson> ById { get; }

    public Dictionary<string, StoredPerson> ByEmail { get; }

    public Dictionary<string, int> EmailOwners { get; }

    public Dictionary<string, int> LoginOwners { get; }

    /// <summary>R-SEC-6: tenant administrators who can sign in today.</summary>
    public HashSet<int> ActiveTenantAdministrators { get; }

    /// <summary>Users with a password: only they can become an active tenant administrator by import.</summary>
    public HashSet<int> WithPassword { get; }

    public static async Task<ExistingPeople> LoadAsync(
        UserAdminDbContext db, IQueryable<User> visible, PeopleReader reader, PeopleReferenceData references,
        IReadOnlyCollection<int> ids, IReadOnlyCollection<string> normalizedEmails, Tenancy.TenantClock clock, CancellationToken cancellationToken)
    {
        var byId = new Dictionary<int, StoredPerson>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            await AddAsync(byId, visible.Where(u => chunk.Contains(u.Id)), reader, references, cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in normalizedEmails.Chunk(Chunk))
        {
            await AddAsync(byId, visible.Where(u => chunk.Contains(u.NormalizedEmail)), reader, references, cancellationToken).ConfigureAwait(false);
        }

        var keys = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.NormalizedEmail, u.NormalizedLogin, HasPassword = u.PasswordHash != null })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var today = clock.Today;
        var administrators = await SignInAbility.ActiveTenantAdministrators(db.Users.AsNoTracking(), today)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ExistingPeople(
            byId,
            keys.ToDictionary(k => k.NormalizedEmail, k => k.Id),
            keys.Where(k => k.NormalizedLogin != null).ToDictionary(k => k.NormalizedLogin!, k => k.Id),
            [.. administrators],
            keys.Where(k => k.HasPassword).Select(k => k.Id).ToHashSet());
    }

    private static async Task AddAsync(Dictionary<int, StoredPerson> byId, IQueryable<User> users, PeopleReader reader, PeopleReferenceData references, CancellationToken cancellationToken)
    {
        await foreach (var page in reader.ReadPagesAsync(users, references, cancellationToken).ConfigureAwait(false))
        {
            foreach (var person in page)
            {
                byId[person.Id] = person;
            }
        }
    }
}
