using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserAdmin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SavedMappings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SavedMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    MappingJson = table.Column<string>(type: "TEXT", nullable: false),
                    SavedByUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    SavedByName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SavedMappings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SavedMappings_NormalizedName",
                table: "SavedMappings",
                column: "NormalizedName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SavedMappings");
        }
    }
}
