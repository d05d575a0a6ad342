namespace Aperture.Testing;

/// <summary>The faults waiting to hit requests, each with the number of hits it has left.</summary>
internal sealed class EmulatorFaults
{
    private readonly Lock _gate = new();
    private readonly List<Armed> _armed = [];

    public void Add(EmulatorFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _armed.Add(new Armed(fault) { Remaining = fault.Times });
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _armed.Clear();
        }
    }

    /// <summary>Takes one hit of every fault matching the request; used-up faults are dropped.</summary>
    public IReadOnlyList<EmulatorFault> Take(EmulatorEndpoint endpoint, int? page)
    {
        lock (_gate)
        {
            if (_armed.Count == 0)
            {
                return [];
            }

            var hits = new List<EmulatorFault>();
            foreach (var armed in _armed)
            {
                var fault = armed.Fault;
                if ((fault.Endpoint == EmulatorEndpoint.Any || fault.Endpoint == endpoint) && (fault.Page is null || fault.Page == page))
                {
                    hits.Add(fault);
                    if (armed.Remaining != int.MaxValue)
                    {
                        armed.Remaining--;
                    }
                }
            }

            _armed.RemoveAll(a => a.Remaining <= 0);
            return hits;
        }
    }

    private sealed class Armed(EmulatorFault fault)
    {
        public EmulatorFault Fault { get; } = fault;

        public int Remaining { get; set; }
    }
}
