using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace UserAdmin.Core.Persistence;

/// <summary>Stores a LocalDate as a date column; it sorts like the value, so comparisons translate.</summary>
public sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(
    date => date.ToDateOnly(),
    value => LocalDate.FromDateOnly(value));

/// <summary>Stores an Instant as a UTC DateTime (SQLite cannot compare DateTimeOffset in SQL).</summary>
public sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    instant => instant.ToDateTimeUtc(),
    value => Instant.FromDateTimeUtc(DateTime.SpecifyKind(value, DateTimeKind.Utc)));
