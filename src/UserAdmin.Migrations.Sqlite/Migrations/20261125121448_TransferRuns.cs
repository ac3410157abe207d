using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserAdmin.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TransferRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TransferRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedByUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TotalPairs = table.Column<int>(type: "INTEGER", nullable: false),
                    DonePairs = table.Column<int>(type: "INTEGER", nullable: false),
                    FailedPairs = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveBulkSlot = table.Column<int>(type: "INTEGER", nullable: true),
                    RetryOfRunId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TransferRunPairs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceLabel = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    TargetLabel = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RowsMoved = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetRowsDeleted = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferRunPairs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransferRunPairs_TransferRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "TransferRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TransferRunCounts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PairId = table.Column<long>(type: "INTEGER", nullable: false),
                    DataTypeKey = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RowsMoved = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetRowsDeleted = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferRunCounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TransferRunCounts_TransferRunPairs_PairId",
                        column: x => x.PairId,
                        principalTable: "TransferRunPairs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TransferRunCounts_PairId",
                table: "TransferRunCounts",
                column: "PairId");

            migrationBuilder.CreateIndex(
                name: "IX_TransferRunPairs_RunId_State_Position",
                table: "TransferRunPairs",
                columns: new[] { "RunId", "State", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_TransferRuns_ActiveBulkSlot",
                table: "TransferRuns",
                column: "ActiveBulkSlot",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TransferRuns_State",
                table: "TransferRuns",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TransferRunCounts");

            migrationBuilder.DropTable(
                name: "TransferRunPairs");

            migrationBuilder.DropTable(
                name: "TransferRuns");
        }
    }
}
