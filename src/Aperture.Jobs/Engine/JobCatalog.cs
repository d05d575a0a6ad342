using Microsoft.Extensions.DependencyInjection;

namespace Aperture.Jobs;

/// <summary>
/// The registered jobs, by name. Each job is resolved once, in a scope of its own, to read its name, schedule and
/// prerequisites; runs resolve a fresh instance in a fresh scope, so jobs may depend on scoped and transient
/// services (typed HTTP clients, for example).
/// </summary>
internal sealed class JobCatalog
{
    private readonly Dictionary<string, JobDescriptor> _byName = new(StringComparer.OrdinalIgnoreCase);

    public JobCatalog(IEnumerable<JobRegistration> registrations, IServiceScopeFactory scopeFactory)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(scopeFactory);

        var jobs = new List<JobDescriptor>();
        using (var scope = scopeFactory.CreateScope())
        {
            foreach (var registration in registrations)
            {
                var job = (IJob)scope.ServiceProvider.GetRequiredService(registration.JobType);
                var descriptor = Describe(registration.JobType, job);
                if (!_byName.TryAdd(descriptor.Name, descriptor))
                {
                    throw new InvalidOperationException(
                        $"Two registered jobs are named '{descriptor.Name}' ({_byName[descriptor.Name].JobType.FullName} and "
                        + $"{registration.JobType.FullName}); job names must be unique.");
                }

                jobs.Add(descriptor);
            }
        }

        Jobs = jobs;
        Names = [.. jobs.Select(static job => job.Name)];
    }

    /// <summary>The jobs in registration order.</summary>
    public IReadOnlyList<JobDescriptor> Jobs { get; }

    /// <summary>The job names in registration order.</summary>
    public IReadOnlyList<string> Names { get; }

    public bool TryFind(string name, out JobDescriptor descriptor) => _byName.TryGetValue(name, out descriptor!);

    /// <exception cref="UnknownJobException">No job has that name.</exception>
    public JobDescriptor Get(string name) =>
        _byName.TryGetValue(name, out var descriptor) ? descriptor : throw new UnknownJobException(name, Names);

    private static JobDescriptor Describe(Type type, IJob job)
    {
        if (string.IsNullOrWhiteSpace(job.Name))
        {
            throw new InvalidOperationException($"Job {type.FullName} has no name; IJob.Name must be a unique, non-empty name.");
        }

        return new JobDescriptor(
            type,
            job.Name,
            job.Description ?? string.Empty,
            job.DefaultSchedule ?? JobSchedule.Manual,
            job.IsManualOnly,
            [.. job.Prerequisites ?? []]);
    }
}
