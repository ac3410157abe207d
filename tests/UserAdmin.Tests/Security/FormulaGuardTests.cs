using UserAdmin.Core.Csv;

namespace UserAdmin.Tests.Security;

/// <summary>R-SEC-9 (R-EXP-4): the full-width formula starters are neutralised too, and the round trip keeps every value.</summary>
public sealed class FormulaGuardTests
{
    [Theory] // R-SEC-9
    [InlineData("\uFF1D1+1", "'\uFF1D1+1")]
    [InlineData("\uFF0B49 30 1234", "'\uFF0B49 30 1234")]
    [InlineData("\uFF0D10", "'\uFF0D10")]
    [InlineData("\uFF20SUM(A1)", "'\uFF20SUM(A1)")]
    [InlineData("'\uFF1Dx", "''\uFF1Dx")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("a\uFF1Db", "a\uFF1Db")]
    [InlineData("\uFF21lpha", "\uFF21lpha")]
    public void Full_width_formula_starters_are_neutralised_and_read_back_unchanged(string value, string written)
    {
        Assert.Equal(written, CsvFormulaGuard.Neutralise(value));
        Assert.Equal(value, CsvFormulaGuard.Restore(CsvFormulaGuard.Neutralise(value)));
    }
}
