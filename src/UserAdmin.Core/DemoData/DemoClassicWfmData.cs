using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers.Data;

namespace UserAdmin.Core.DemoData;

/// <summary>
/// The Classic WFM part of the demo data. Combined: requests with comments, server requests, alerts,
/// views, workflow conditions. Overwritten, each within its unique key: 30 days of schedules with
/// weekly meetings, projects, weekday shifts, productivity per interval/day/week/month/year,
/// offline activity hours, group day allocations, historical activities, work hours, real-time
/// state and vacation hours.
/// </summary>
internal sealed class DemoClassicWfmData(LocalDate today, Instant now)
{
    public const int ScheduleDays = 30;
    private const int RequestsPerUser = 2;
    private const int IntervalsPerUser = 16;
    private const int IntervalMinutes = 15;

    private static readonly string[] Shifts = ["Early", "Day", "Late"];
    private static readonly string[] Subjects = ["Time off request", "Shift swap", "Overtime request"];
    private static readonly string[] Statuses = ["Pending", "Approved", "Denied"];
    private static readonly string[] AlertKinds = ["Out of adherence", "Late login", "Missed break"];
    private static readonly string[] States = ["Available", "On call", "After call work", "Break", "Logged out"];
    private static readonly string[] RequestComments = ["Covered by a colleague on the same team.", "Please confirm before Friday.", "Approved as long as service level holds."];
    private static readonly string[] ServerJobs = ["Schedule generation", "Forecast", "Report export", "Adherence recalculation"];
    private static readonly string[] ServerStates = ["Queued", "Running", "Completed", "Failed"];
    private static readonly string[] Screens = ["Schedule editor", "Real-time adherence", "Staffing overview"];
    private static readonly string[] Projects = ["Email backlog", "Chat pilot", "Quality coaching", "Onboarding buddies"];
    private static readonly string[] OfflineActivities = ["Email", "Back office", "Training"];
    private static readonly string[] Activities = ["Available", "On call", "After call work", "Break"];

    private readonly LocalDate _firstDay = today.PlusDays(-ScheduleDays / 2);
    private readonly LocalDate _thisMonday = today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
    private readonly Instant _yesterdayShift = today.PlusDays(-1).At(new LocalTime(8, 0)).InUtc().ToInstant();

    private readonly List<MessagingRequest> _requests = [];
    private readonly List<ServerRequest> _serverRequests = [];
    private readonly List<Alert> _alerts = [];
    private readonly List<WfmView> _views = [];
    private readonly List<WorkflowCondition> _conditions = [];
    private readonly List<VacationHours> _vacationHours = [];
    private readonly List<ExceptionAssignment> _exceptions = [];
    private readonly List<AgentSchedule> _schedules = [];
    private readonly List<ProjectAssignment> _projects = [];
    private readonly List<WorkShift> _workShifts = [];
    private readonly List<IntervalProductivity> _intervals = [];
    private readonly List<DailyProductivity> _days = [];
    private readonly List<WeeklyProductivity> _weeks = [];
    private readonly List<MonthlyProductivity> _months = [];
    private readonly List<YearlyProductivity> _years = [];
    private readonly List<OfflineActivityHours> _offline = [];
    private readonly List<GroupDayAllocation> _allocations = [];
    private readonly List<HistoricalActivity> _history = [];
    private readonly List<WorkHours> _workHours = [];
    private readonly List<RealTimeState> _states = [];

    public void Add(int userId, Random random)
    {
        for (var request = 0; request < RequestsPerUser; request++)
        {
            _requests.Add(new MessagingRequest { RequesterUserId = userId, Subject = random.Pick(Subjects), Status = random.Pick(Statuses), RequestedAt = now - Duration.FromDays(random.Next(1, 60)) });
        }

        for (var alert = 0; alert < 3; alert++)
        {
            _alerts.Add(new Alert { UserId = userId, Kind = random.Pick(AlertKinds), RaisedAt = now - Duration.FromMinutes(random.Next(1, 60 * 24 * 14)), Acknowledged = random.Next(2) == 0 });
        }

        var shift = random.Next(Shifts.Length);
        for (var day = 0; day < ScheduleDays; day++)
        {
            var start = (6 + (shift * 4)) * 60;
            _schedules.Add(new AgentSchedule { UserId = userId, Day = _firstDay.PlusDays(day), StartMinute = start, EndMinute = start + (8 * 60), ShiftName = Shifts[shift] });
        }

        _states.Add(new RealTimeState { UserId = userId, State = random.Pick(States), Since = now - Duration.FromMinutes(random.Next(1, 240)) });
        for (var back = 0; back < 2; back++)
        {
            var accrued = random.Next(40, 200) / 2m;
            _vacationHours.Add(new VacationHours { UserId = userId, Year = today.Year - back, AccruedHours = accrued, UsedHours = Math.Min(accrued, random.Next(0, 120) / 2m) });
        }
    }

    /// <summary>The Classic WFM types added to the catalogue after the first twelve; <paramref name="groupName"/> is the user's member group.</summary>
    public void AddMore(int userId, int colleagueId, string groupName, Random random)
    {
        foreach (var request in _requests.GetRange(_requests.Count - RequestsPerUser, RequestsPerUser))
        {
            request.Comments.Add(new MessagingRequestComment { AuthorUserId = userId, Text = random.Pick(RequestComments), WrittenAt = request.RequestedAt + Duration.FromMinutes(random.Next(1, 120)) });
        }

        for (var job = 0; job < 2; job++)
        {
            _serverRequests.Add(new ServerRequest { RequestedByUserId = userId, Kind = random.Pick(ServerJobs), Status = random.Pick(ServerStates), RequestedAt = now - Duration.FromHours(random.Next(1, 24 * 30)) });
        }

        for (var view = 0; view < 2; view++)
        {
            var screen = Screens[(userId + view) % Screens.Length];
            _views.Add(new WfmView { OwnerUserId = userId, Name = $"My {screen.ToLowerInvariant()}", Screen = screen, Definition = $"{{\"team\":\"mine\",\"days\":{random.Next(1, 15)}}}" });
        }

        _conditions.Add(new WorkflowCondition { OwnerUserId = userId, NotifyUserId = colleagueId, Name = "Late for shift", Condition = $"Not logged in {random.Next(5, 16)} minutes after shift start" });
        AddPlans(userId, random);
        AddProductivity(userId, random);
        for (var day = 1; day <= 7; day++)
        {
            _allocations.Add(new GroupDayAllocation { UserId = userId, Day = today.PlusDays(-day), GroupName = groupName, AllocatedMinutes = random.Next(6, 9) * 60 });
        }

        for (var week = 1; week <= 4; week++)
        {
            var contracted = random.Next(3, 5) * 10m;
            _workHours.Add(new WorkHours { UserId = userId, WeekStart = _thisMonday.PlusWeeks(-week), ContractedHours = contracted, WorkedHours = contracted + (random.Next(-8, 9) / 2m) });
        }
    }

    public async Task WriteAsync(UserAdminDbContext db, CancellationToken cancellationToken)
    {
        await FastWrites.InsertAsync(db, _requests, cancellationToken).ConfigureAwait(false);
        var comments = await DemoChildren.OfWrittenAsync(db, _requests, r => r.Comments, (c, id) => c.MessagingRequestId = id, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, comments, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _serverRequests, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _alerts, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _views, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _conditions, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _vacationHours, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _exceptions, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _schedules, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _projects, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _workShifts, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _intervals, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _days, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _weeks, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _months, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _years, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _offline, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _allocations, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _history, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _workHours, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _states, cancellationToken).ConfigureAwait(false);
    }

    // Exceptions on the user's schedule (a weekly team meeting), projects and weekday shifts.
    private void AddPlans(int userId, Random random)
    {
        var start = (6 + (random.Next(Shifts.Length) * 4)) * 60;
        for (var day = _firstDay; day < _firstDay.PlusDays(ScheduleDays); day = day.PlusDays(1))
        {
            if (day.DayOfWeek == IsoDayOfWeek.Wednesday)
            {
                _exceptions.Add(new ExceptionAssignment { UserId = userId, Day = day, StartMinute = start + 120, EndMinute = start + 180, ExceptionName = "Team meeting" });
            }
        }

        var first = random.Next(Projects.Length);
        for (var project = 0; project < 2; project++)
        {
            _projects.Add(new ProjectAssignment { UserId = userId, ProjectName = Projects[(first + project) % Projects.Length], HoursPerWeek = random.Next(2, 17) / 2m, StartsOn = today.PlusDays(-random.Next(7, 120)) });
        }

        for (var weekday = 1; weekday <= 5; weekday++)
        {
            _workShifts.Add(new WorkShift { UserId = userId, Weekday = weekday, Name = "Weekday", StartMinute = start, EndMinute = start + (8 * 60) });
        }

        for (var day = 1; day <= 3; day++)
        {
            foreach (var activity in OfflineActivities.Take(2))
            {
                _offline.Add(new OfflineActivityHours { UserId = userId, Day = today.PlusDays(-day), Activity = activity, Hours = random.Next(1, 5) / 2m });
            }
        }
    }

    // Yesterday's first hours in 15-minute intervals, then the day, week, month and year figures.
    private void AddProductivity(int userId, Random random)
    {
        for (var interval = 0; interval < IntervalsPerUser; interval++)
        {
            var at = _yesterdayShift + Duration.FromMinutes(interval * IntervalMinutes);
            _intervals.Add(Figures(new IntervalProductivity { IntervalStart = at }, userId, 1, random));
            _history.Add(new HistoricalActivity { UserId = userId, IntervalStart = at, Activity = random.Pick(Activities), Seconds = IntervalMinutes * 60 });
        }

        for (var day = 1; day <= 7; day++)
        {
            _days.Add(Figures(new DailyProductivity { Day = today.PlusDays(-day) }, userId, 32, random));
        }

        for (var week = 1; week <= 4; week++)
        {
            _weeks.Add(Figures(new WeeklyProductivity { WeekStart = _thisMonday.PlusWeeks(-week) }, userId, 32 * 5, random));
        }

        var month = new LocalDate(today.Year, today.Month, 1);
        for (var back = 1; back <= 3; back++)
        {
            var start = month.PlusMonths(-back);
            _months.Add(Figures(new MonthlyProductivity { Year = start.Year, Month = start.Month }, userId, 32 * 21, random));
        }

        for (var back = 0; back < 2; back++)
        {
            _years.Add(Figures(new YearlyProductivity { Year = today.Year - back }, userId, 32 * 230, random));
        }
    }

    // Plausible figures for a period of `intervals` 15-minute intervals.
    private static T Figures<T>(T row, int userId, int intervals, Random random)
        where T : ProductivityData
    {
        row.UserId = userId;
        row.ScheduledSeconds = intervals * IntervalMinutes * 60;
        row.ProductiveSeconds = row.ScheduledSeconds * random.Next(70, 96) / 100;
        row.HandledContacts = intervals * random.Next(2, 5);
        row.HandleSeconds = Math.Min(row.ProductiveSeconds, row.HandledContacts * random.Next(180, 300));
        return row;
    }
}
