using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// The users one chunk of an import touches (R-IMP-11): the matched users within the administrator's view,
/// loaded in sets (in chunks, so no query exceeds SQL Server's parameter limit), which of them have a password,
/// and the tenant's active tenant administrators (<see cref="PeopleKeys"/>), which the whole file shares.
/// </summary>
internal sealed class ExistingPeople
{
    private readonly PeopleKeys _keys;

    private ExistingPeople(Dictionary<int, StoredPerson> byId, HashSet<int> withPassword, PeopleKeys keys)
    {
        _keys = keys;
        ById = byId;
        ByEmail = byId.Values.ToDictionary(p => User.NormalizeKey(p.Values[PersonField.Email]!));
        WithPassword = withPassword;
    }

    public Dictionary<int, StoredPerson> ById { get; }

    public Dictionary<string, StoredPerson> ByEmail { get; }

    /// <summary>R-SEC-6: tenant administrators who can sign in today.</summary>
    public HashSet<int> ActiveTenantAdministrators => _keys.ActiveTenantAdministrators;

    /// <summary>The matched users with a password: only they can become an active tenant administrator by import.</summary>
    public HashSet<int> WithPassword { get; }

    public static async Task<ExistingPeople> ForChunkAsync(
        PeopleKeys keys, IQueryable<User> visible, PeopleReader reader, PeopleReferenceData references,
        IReadOnlyCollection<int> ids, IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var byId = new Dictionary<int, StoredPerson>();
        foreach (var users in PeopleKeys.Matching(visible, ids, normalizedEmails))
        {
            await AddAsync(byId, users, reader, references, cancellationToken).ConfigureAwait(false);
        }

        return new ExistingPeople(byId, await keys.WithPasswordAsync(byId.Keys, cancellationToken).ConfigureAwait(false), keys);
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
/// What the rules across the whole file need of the users, asked a chunk of the file at a time (R-IMP-11) so that
/// memory does not grow with the tenant either: the visible users the rows name, with their stored email and
/// login (for the keys a row gives up), the owners of the emails and logins the rows would leave, who has a
/// password; only the active tenant administrators, a handful, are kept for the whole file.
/// </summary>
internal sealed class PeopleKeys
{
    private readonly UserAdminDbContext _db;
    private readonly IQueryable<User> _visible;

    private PeopleKeys(UserAdminDbContext db, IQueryable<User> visible, HashSet<int> activeTenantAdministrators)
    {
        _db = db;
        _visible = visible;
        ActiveTenantAdministrators = activeTenantAdministrators;
    }

    public HashSet<int> ActiveTenantAdministrators { get; }

    public static async Task<PeopleKeys> LoadAsync(UserAdminDbContext db, IQueryable<User> visible, Tenancy.TenantClock clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var administrators = await SignInAbility.ActiveTenantAdministrators(db.Users.AsNoTracking(), clock.Today)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new PeopleKeys(db, visible, [.. administrators]);
    }

    /// <summary>The users in the administrator's view with these ids or these normalised emails, with their stored email and login.</summary>
    public async Task<List<VisibleUser>> VisibleAsync(IReadOnlyCollection<int> ids, IReadOnlyCollection<string> normalizedEmails, CancellationToken cancellationToken)
    {
        var found = new List<VisibleUser>();
        foreach (var users in Matching(_visible, ids, normalizedEmails))
        {
            found.AddRange(await Visible(users).ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        return found;
    }

    /// <summary>The users with these ids, then those with these normalised emails, a query per <see cref="FastReads.KeysPerStatement"/> keys.</summary>
    public static IEnumerable<IQueryable<User>> Matching(IQueryable<User> users, IReadOnlyCollection<int> ids, IReadOnlyCollection<string> normalizedEmails) =>
        ids.Chunk(FastReads.KeysPerStatement).Select(chunk => users.Where(u => chunk.Contains(u.Id)))
            .Concat(normalizedEmails.Chunk(FastReads.KeysPerStatement).Select(chunk => users.Where(u => chunk.Contains(u.NormalizedEmail))));

    /// <summary>Who holds each of these normalised emails and logins now, in or out of the administrator's view (R-IMP-6).</summary>
    public async Task<KeyOwners> OwnersAsync(IReadOnlyList<string> normalizedEmails, IReadOnlyList<string> normalizedLogins, CancellationToken cancellationToken)
    {
        var owners = new KeyOwners();
        foreach (var (key, id) in await OwnersOfAsync(nameof(User.NormalizedEmail), normalizedEmails, cancellationToken).ConfigureAwait(false))
        {
            owners.Emails[key] = id;
        }

        foreach (var (key, id) in await OwnersOfAsync(nameof(User.NormalizedLogin), normalizedLogins, cancellationToken).ConfigureAwait(false))
        {
            owners.Logins[key] = id;
        }

        return owners;
    }

    // A plain read on the keys' unique indexes: a chunk asks for up to 4,000 keys, read without EF's materialisation.
    private Task<List<(string Key, int Id)>> OwnersOfAsync(string keyProperty, IReadOnlyList<string> keys, CancellationToken cancellationToken) =>
        FastReads.WithKeysAsync<User, string, (string, int)>(_db, keyProperty, keys, [keyProperty, nameof(User.Id)], r => (r.RequiredTextAt(0), r.IntegerAt(1)), cancellationToken);

    /// <summary>Which of these users have a password.</summary>
    public async Task<HashSet<int>> WithPasswordAsync(IReadOnlyCollection<int> ids, CancellationToken cancellationToken)
    {
        var withPassword = new HashSet<int>();
        foreach (var chunk in ids.Chunk(FastReads.KeysPerStatement))
        {
            withPassword.UnionWith(await _db.Users.AsNoTracking().Where(u => chunk.Contains(u.Id) && u.PasswordHash != null).Select(u => u.Id).ToListAsync(cancellationToken).ConfigureAwait(false));
        }

        return withPassword;
    }

    private static IQueryable<VisibleUser> Visible(IQueryable<User> users) =>
        users.AsNoTracking().Select(u => new VisibleUser(u.Id, u.Email, u.Login, u.NormalizedEmail));
}

/// <summary>A user in the administrator's view as the first pass needs them: stored email and login, and the email's key.</summary>
internal sealed record VisibleUser(int Id, string Email, string? Login, string NormalizedEmail);

/// <summary>The current owners of some emails and logins, by normalised value.</summary>
internal sealed class KeyOwners
{
    public Dictionary<string, int> Emails { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Logins { get; } = new(StringComparer.Ordinal);
}
