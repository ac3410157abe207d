using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserAdmin.Migrations.Sqlite.Migrations
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
                type: "TEXT",
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
