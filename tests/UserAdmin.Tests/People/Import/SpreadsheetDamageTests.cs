using System.Text;
using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;

namespace UserAdmin.Tests.People.Import;

/// <summary>R-IMP-13 straight on <see cref="SpreadsheetDamage"/>: which changes look like a spreadsheet's doing, and which look deliberate.</summary>
public sealed class SpreadsheetDamageTests
{
    public static TheoryData<PersonField, string?, string?, string, DamageKind?> Changes => new()
    {
        // field, stored value, value read, raw cell, the damage flagged (null: a deliberate change)
        { PersonField.EmployeeId, "000123", "123", "123", DamageKind.LeadingZerosDropped },
        { PersonField.EmployeeId, "000001", "1", "1", DamageKind.LeadingZerosDropped },
        { PersonField.AcdId, "0000", "0", "0", DamageKind.LeadingZerosDropped },
        { PersonField.EmployeeId, "000123", "124", "124", null },
        { PersonField.EmployeeId, "123", "0123", "0123", null },
        { PersonField.EmployeeId, "A00123", "123", "123", null },
        { PersonField.AcdId, "123456789012", "1.23457E+11", "1.23457E+11", DamageKind.ScientificNotation },
        { PersonField.AcdId, "123456789012", "1.23457e11", "1.23457e11", DamageKind.ScientificNotation },
        { PersonField.AcdId, "1.2E+3", "1.3E+3", "1.3E+3", null },
        { PersonField.AcdServerId, "1-2", "2024-01-02", "2024-01-02", DamageKind.TextTurnedIntoDate },
        { PersonField.ScheduleReleaseProfile, "MAR1", "1-Mar", "1-Mar", DamageKind.TextTurnedIntoDate },
        { PersonField.AcdServerId, "3/4", "3/4/24", "3/4/24", DamageKind.TextTurnedIntoDate },
        { PersonField.AcdServerId, "2024-01-01", "2024-01-02", "2024-01-02", null },
        { PersonField.FirstName, "José", "JosÃ©", "JosÃ©", DamageKind.WrongEncoding },
        { PersonField.LastName, "Müller", "MÃ¼ller", "MÃ¼ller", DamageKind.WrongEncoding },
        { PersonField.FirstName, "Łukasz", "Å\uF181ukasz", "Å\uF181ukasz", DamageKind.WrongEncoding },
        { PersonField.FirstName, "Łukasz", "Å\u0081ukasz", "Å\u0081ukasz", DamageKind.WrongEncoding },
        { PersonField.FirstName, "Zoë", "Zoe", "Zoe", null },
        { PersonField.FirstName, "Jose", "José", "José", null },
        { PersonField.FirstName, "Ann", "Anne", "Anne", null },
        { PersonField.CompanyStartDate, "2024-06-10", null, "10/06/24", DamageKind.TwoDigitYear },
        { PersonField.CompanyStartDate, null, null, "6/10/24", DamageKind.TwoDigitYear },
        { PersonField.CompanyStartDate, "2024-06-10", "2024-06-11", "2024-06-11", null },
        { PersonField.CompanyStartDate, "2024-06-10", null, "next Monday", null },
        { PersonField.EmployeeId, null, "1", "1", null },
        { PersonField.EmployeeId, "000001", null, "", null },
    };

    [Theory] // R-IMP-13: each kind of damage, and the deliberate changes beside it that must not be flagged
    [MemberData(nameof(Changes))]
    public void A_change_is_flagged_only_when_it_looks_like_a_spreadsheet_s_doing(PersonField field, string? stored, string? read, string raw, DamageKind? expected)
    {
        Assert.Equal(expected, SpreadsheetDamage.KindOf(PersonFields.Of(field), stored, read, raw));
    }

    [Fact] // R-IMP-13: accented names whose UTF-8 bytes were read one by one (Latin-1, as ISO-8859-1 readers do) are recognised
    public void Every_name_read_byte_by_byte_is_recognised()
    {
        var latin1 = Encoding.Latin1;
        foreach (var name in new[] { "Zoë", "José", "Renée", "Søren", "Anaïs", "Müller", "Brontë", "François", "Ærø" })
        {
            var misread = latin1.GetString(Encoding.UTF8.GetBytes(name));
            Assert.True(SpreadsheetDamage.IsMisdecoded(name, misread), name);
            Assert.False(SpreadsheetDamage.IsMisdecoded(name, name), name);
        }
    }

    [Fact] // R-IMP-13: the two-byte forms Windows-1252 writes differently from Latin-1 (€, Š, “) are recognised too
    public void Windows_1252_s_own_characters_are_recognised()
    {
        Assert.True(SpreadsheetDamage.IsMisdecoded("Šimon", "Å\u00A0imon"));
        Assert.True(SpreadsheetDamage.IsMisdecoded("€5", "â‚¬5"));
        Assert.False(SpreadsheetDamage.IsMisdecoded("€5", "â‚¬6"));
    }
}
