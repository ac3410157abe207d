using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserAdmin.Migrations.SqlServer.Migrations
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    NormalizedName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    MappingJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SavedByUserId = table.Column<int>(type: "int", nullable: false),
                    SavedByName = table.Column<string>(type: "nvarchar(201)", maxLength: 201, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastUsedAt = table.Column<DateTime>(type: "datetime2", nullable: true)
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
