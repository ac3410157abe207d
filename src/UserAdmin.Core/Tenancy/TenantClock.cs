using NodaTime;

namespace UserAdmin.Core.Tenancy;

/// <summary>"Today" and "now" for the tenant: the clock read in the tenant's time zone (<c>Tenant:TimeZone</c>).</summary>
public sealed class TenantClock(IClock clock, DateTimeZone tenantZone)
{
    public DateTimeZone Zone { get; } = tenantZone;

    public Instant Now => clock.GetCurrentInstant();

    public LocalDate Today => clock.GetCurrentInstant().InZone(Zone).Date;

    public ZonedDateTime InTenantZone(Instant instant) => instant.InZone(Zone);
}
