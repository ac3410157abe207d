using NodaTime;
using NodaTime.Text;

namespace UserAdmin.Core.Tenancy;

/// <summary>"Today" and "now" for the tenant: the clock read in the tenant's time zone (<c>Tenant:TimeZone</c>).</summary>
public sealed class TenantClock(IClock clock, DateTimeZone tenantZone)
{
    public DateTimeZone Zone { get; } = tenantZone;

    public Instant Now => clock.GetCurrentInstant();

    public LocalDate Today => clock.GetCurrentInstant().InZone(Zone).Date;

    public ZonedDateTime InTenantZone(Instant instant) => instant.InZone(Zone);

    /// <summary>R-UX-4: a time as pages print it, in the tenant's zone and naming that zone ("2026-06-15 09:00 UTC").</summary>
    public string WithZone(Instant instant, bool seconds = false) =>
        (seconds ? WithSeconds : WithMinutes).Format(InTenantZone(instant));

    private static readonly ZonedDateTimePattern WithMinutes = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm z", null);

    private static readonly ZonedDateTimePattern WithSeconds = ZonedDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss z", null);
}
