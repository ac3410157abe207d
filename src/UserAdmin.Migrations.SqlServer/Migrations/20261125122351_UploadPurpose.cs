using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserAdmin.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class UploadPurpose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "ImportUploads",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "PeopleImport");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "ImportUploads");
        }
    }
}
