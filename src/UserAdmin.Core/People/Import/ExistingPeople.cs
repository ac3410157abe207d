using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// The users one chunk of an import touches (R-IMP-11): the matched users within the administrator's view,
/// loaded in sets (in chunks, so no query exceeds SQL Server's parameter limit), beside the keys of every
/// user (<see cref="PeopleKeys"/>), which the whole file shares.
/// </summary>
internal sealed class ExistingPeople
{
    private const int Chunk = 1000;
    private readonly PeopleKeys _keys;

    private ExistingPeople(Dictionary<int, StoredPerson> byId, PeopleKeys keys)
    {
        _keys = keys;
        ById = byId;
        ByEmail = byId.Values.ToDictionary(p => User.NormalizeKey(p.Values[PersonField.Email]!));
    }

    public Dictionary<int, StoredPerson> ById { get; }

    public Dictionary<string, StoredPerson> ByEmail { get; }

    public Dictionary<string, int> EmailOwners => _keys.EmailOwners;

    public Dictionary<string, int> LoginOwners => _keys.LoginOwners;

    /// <summary>R-SEC-6: tenant administrators who can sign in today.</summary>
    public HashSet<int> ActiveTenantAdministrators => _keys.ActiveTenantAdministrators;

    /// <summary>Users with a password: only they can become an active tenant administrator by import.</summary>
    public HashSet<int> WithPassword => _keys.WithPassword;

    /// <summary>The keys of every user and the matched users, in one call (a whole file in one chunk).</summary>
    public static async Task<ExistingPeople> LoadAsync(
        UserAdminDbContext db, IQueryable<User> visible, PeopleReader reader, PeopleReferenceData references,
        IReadOnlyCollection<int> ids, IReadOnlyCollection<string> normalizedEmails, Tenancy.TenantClock clock, CancellationToken cancellationToken)
    {
        var keys = await PeopleKeys.LoadAsync(db, visible, clock, cancellationToken).ConfigureAwait(false);
        return await ForChunkAsync(keys, visible, reader, references, ids, normalizedEmails, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<ExistingPeople> ForChunkAsync(
        PeopleKeys keys, IQueryable<User> visible, PeopleReader reader, PeopleReferenceData references,
        IReadOnlyCollection<int> ids, IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var byId = new Dictionary<int, StoredPerson>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            await AddAsync(byId, visible.Where(u => chunk.Contains(u.Id)), reader, references, cancellationToken).ConfigureAwait(false);
        }

        foreach (var chunk in normalizedEmails.Chunk(Chunk))
        {
            await AddAsync(byId, visible.Where(u => chunk.Contains(u.NormalizedEmail)), reader, references, cancellationToken).ConfigureAwait(false);
        }

        return new ExistingPeople(byId, keys);
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

/// <summary>
/// What the rules across the whole file need of every user, small enough to keep for a tenant of any size:
/// the owners of every email and login, who is in the administrator's view, who is an active tenant
/// administrator, who has a password, and each visible user's stored email and login (for the keys a row gives up).
/// </summary>
internal sealed class PeopleKeys
{
    private PeopleKeys(Dictionary<string, int> emailOwners, Dictionary<string, int> loginOwners, HashSet<int> activeTenantAdministrators, HashSet<int> withPassword, Dictionary<int, (string Email, string? Login)> visible)
    {
        EmailOwners = emailOwners;
        LoginOwners = loginOwners;
        ActiveTenantAdministrators = activeTenantAdministrators;
        WithPassword = withPassword;
        Visible = visible;
    }

    public Dictionary<string, int> EmailOwners { get; }

    public Dictionary<string, int> LoginOwners { get; }

    public HashSet<int> ActiveTenantAdministrators { get; }

    public HashSet<int> WithPassword { get; }

    /// <summary>The users in the administrator's view with their stored email and login.</summary>
    public Dictionary<int, (string Email, string? Login)> Visible { get; }

    public static async Task<PeopleKeys> LoadAsync(UserAdminDbContext db, IQueryable<User> visible, Tenancy.TenantClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var keys = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.NormalizedEmail, u.NormalizedLogin, HasPassword = u.PasswordHash != null })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var seen = await visible.AsNoTracking().Select(u => new { u.Id, u.Email, u.Login })
            .ToDictionaryAsync(u => u.Id, u => (u.Email, u.Login), cancellationToken).ConfigureAwait(false);
        var administrators = await SignInAbility.ActiveTenantAdministrators(db.Users.AsNoTracking(), clock.Today)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PeopleKeys(
            keys.ToDictionary(k => k.NormalizedEmail, k => k.Id),
            keys.Where(k => k.NormalizedLogin != null).ToDictionary(k => k.NormalizedLogin!, k => k.Id),
            [.. administrators],
            keys.Where(k => k.HasPassword).Select(k => k.Id).ToHashSet(),
            seen);
    }
}
