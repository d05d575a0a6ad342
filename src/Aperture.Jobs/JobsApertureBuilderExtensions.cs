using System.Diagnostics.CodeAnalysis;
using Aperture.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Aperture;

/// <summary>Registers the job engine, jobs and the scheduler: <c>builder.AddJobEngine().AddJob&lt;MyJob&gt;().AddScheduler()</c>.</summary>
/// <remarks>
/// The engine records runs in <see cref="Storage.IJobRunStore"/> and the scheduler remembers occurrences in
/// <see cref="Storage.ISyncStateStore"/>: register a store (for example <c>AddSqliteStore</c>) as well.
/// </remarks>
public static class JobsApertureBuilderExtensions
{
    /// <summary>
    /// Adds the job engine (<see cref="IJobRunner"/>) and its options, bound from <c>Aperture:Jobs</c> and validated
    /// at start-up, schedules included. Calling it again only applies <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    /// <param name="configure">Changes the options after configuration is bound.</param>
    public static IApertureBuilder AddJobEngine(this IApertureBuilder builder, Action<JobEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(static service => service.ServiceType == typeof(JobRunner)))
        {
            services.AddOptions<JobEngineOptions>().BindConfiguration(JobEngineOptions.SectionName).ValidateOnStart();
            services.AddSingleton<IValidateOptions<JobEngineOptions>, JobEngineOptionsValidator>();

            // Bound here, not in AddScheduler, so every process (a CLI as much as a server) lists the schedules in
            // force and rejects a bad one.
            services.AddOptions<SchedulerOptions>().BindConfiguration(JobEngineOptions.SectionName).ValidateOnStart();
            services.AddSingleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>();
            services.AddSingleton<IValidateOptions<SchedulerOptions>, JobSchedulesValidator>();

            services.TryAddSingleton(TimeProvider.System);
            services.AddSingleton<JobCatalog>();
            services.AddSingleton<JobScheduleTable>();
            services.AddSingleton<JobRunner>();
            services.AddSingleton<IJobRunner>(static provider => provider.GetRequiredService<JobRunner>());
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// Registers a job type (a transient service, resolved in a fresh scope for each run) and the engine if it is
    /// not registered yet. Registering the same type twice has no effect; two types with one name fail at start-up.
    /// </summary>
    /// <typeparam name="TJob">The job.</typeparam>
    /// <param name="builder">The Aperture builder.</param>
    public static IApertureBuilder AddJob<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TJob>(this IApertureBuilder builder)
        where TJob : class, IJob
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJobEngine();
        var services = builder.Services;
        services.TryAddTransient<TJob>();
        if (!services.Any(static service => service.ServiceType == typeof(JobRegistration)
            && service.ImplementationInstance is JobRegistration registration && registration.JobType == typeof(TJob)))
        {
            services.AddSingleton(new JobRegistration(typeof(TJob)));
        }

        return builder;
    }

    /// <summary>
    /// Adds the scheduler as a hosted service (and the engine if it is not registered yet): jobs start on their
    /// schedules, missed occurrences are caught up once at start, and on shutdown running jobs are cancelled after
    /// <see cref="SchedulerOptions.ShutdownGracePeriod"/>.
    /// </summary>
    /// <param name="builder">The Aperture builder.</param>
    /// <param name="configure">Changes the options after configuration is bound.</param>
    public static IApertureBuilder AddScheduler(this IApertureBuilder builder, Action<SchedulerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddJobEngine();
        var services = builder.Services;
        services.TryAddSingleton<JobScheduler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, JobSchedulerService>());
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }
}
