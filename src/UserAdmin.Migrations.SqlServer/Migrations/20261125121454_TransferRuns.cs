using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UserAdmin.Migrations.SqlServer.Migrations
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RequestedByUserId = table.Column<int>(type: "int", nullable: false),
                    RequestedByName = table.Column<string>(type: "nvarchar(201)", maxLength: 201, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    TotalPairs = table.Column<int>(type: "int", nullable: false),
                    DonePairs = table.Column<int>(type: "int", nullable: false),
                    FailedPairs = table.Column<int>(type: "int", nullable: false),
                    ActiveBulkSlot = table.Column<int>(type: "int", nullable: true),
                    RetryOfRunId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TransferRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TransferRunPairs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    RunId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    SourceUserId = table.Column<int>(type: "int", nullable: false),
                    TargetUserId = table.Column<int>(type: "int", nullable: false),
                    SourceLabel = table.Column<string>(type: "nvarchar(220)", maxLength: 220, nullable: false),
                    TargetLabel = table.Column<string>(type: "nvarchar(220)", maxLength: 220, nullable: false),
                    State = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Error = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RowsMoved = table.Column<int>(type: "int", nullable: false),
                    TargetRowsDeleted = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    PairId = table.Column<long>(type: "bigint", nullable: false),
                    DataTypeKey = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    RowsMoved = table.Column<int>(type: "int", nullable: false),
                    TargetRowsDeleted = table.Column<int>(type: "int", nullable: false)
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
                unique: true,
                filter: "[ActiveBulkSlot] IS NOT NULL");

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
