namespace Aperture.Jobs.Tests.Engine;

public sealed class ScheduleParserTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("manual")]
    [InlineData("  Disabled ")]
    [InlineData("MANUAL")]
    public void Manual_disabled_or_empty_means_never_on_its_own(string? value)
    {
        Assert.True(ScheduleParser.TryParse(value, out var schedule, out var error));
        Assert.Null(error);
        Assert.Same(JobSchedule.Manual, schedule);
    }

    [Theory]
    [InlineData("after:generate-movie-recommendations")]
    [InlineData("After: generate-movie-recommendations ")]
    public void After_names_the_job_whose_success_starts_this_one(string value)
    {
        Assert.True(ScheduleParser.TryParse(value, out var schedule, out _));
        Assert.Equal(JobSchedule.After(MovieJobNames.GenerateRecommendations), schedule);
    }

    [Theory]
    [InlineData("0 3 * * *", "0 3 * * *", null)]
    [InlineData(" 0 */2 * * * ", "0 */2 * * *", null)]
    [InlineData("@weekly", "@weekly", null)]
    [InlineData("TZ=UTC 0 3 * * 0", "0 3 * * 0", "UTC")]
    [InlineData("cron_tz=UTC   @daily", "@daily", "UTC")]
    public void A_cron_expression_may_name_its_time_zone(string value, string expression, string? timeZone)
    {
        Assert.True(ScheduleParser.TryParse(value, out var schedule, out var error), error);
        Assert.Equal(expression, schedule.Cron);
        Assert.Equal(timeZone, schedule.TimeZone?.Id);
    }

    [Theory]
    [InlineData("after:", "'after:' needs a job name")]
    [InlineData("0 3 * *", "\"0 3 * *\" is not a valid cron expression (")]
    [InlineData("0 25 * * *", "use five fields, minute hour day-of-month month day-of-week, for example \"0 3 * * *\"")]
    [InlineData("daily", "\"daily\" is not a valid cron expression")]
    [InlineData("TZ=Mars/Olympus_Mons 0 3 * * *", "'Mars/Olympus_Mons' in \"TZ=Mars/Olympus_Mons 0 3 * * *\" is not a time zone this machine knows")]
    [InlineData("TZ=UTC", "\"\" is not a valid cron expression")]
    public void A_wrong_value_is_refused_with_a_message_saying_what_to_write(string value, string message)
    {
        Assert.False(ScheduleParser.TryParse(value, out _, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
