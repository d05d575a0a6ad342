namespace Aperture.Vectors;

/// <summary>
/// The exact index: rows in one contiguous <see cref="float"/> array, normalised on insert, with id ↔ row maps.
/// Readers share a <see cref="ReaderWriterLockSlim"/>; a snapshot keeps the arrays it was taken from, and the
/// first write after a snapshot copies them (copy on write), so snapshots never change.
/// </summary>
internal sealed class InMemoryVectorIndex : IVectorIndex
{
    // Never disposed on purpose: the lock allocates wait handles only under contention, and those are finalisable.
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private float[] _matrix;
    private Guid[] _ids;
    private Dictionary<Guid, int> _rows;
    private int _count;

    // Whether a snapshot references the current arrays; the next write must copy them first.
    private bool _shared;

    public InMemoryVectorIndex(int dimensions, int capacity)
    {
        Dimensions = dimensions;
        _matrix = new float[(long)capacity * dimensions];
        _ids = new Guid[capacity];
        _rows = new Dictionary<Guid, int>(capacity);
    }

    public int Dimensions { get; }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    public void Upsert(Guid movieId, ReadOnlySpan<float> vector)
    {
        VectorSnapshot.ThrowIfWrongLength(vector, Dimensions, nameof(vector));

        // Checked before taking the lock: a bad vector throws without touching the index.
        var norm = VectorKernels.CheckedNorm(vector, nameof(vector));

        _lock.EnterWriteLock();
        try
        {
            if (!_rows.TryGetValue(movieId, out var row))
            {
                EnsureWritable(_count + 1);
                row = _count++;
                _ids[row] = movieId;
                _rows[movieId] = row;
            }
            else
            {
                EnsureWritable(_count);
            }

            System.Numerics.Tensors.TensorPrimitives.Divide(vector, norm, _matrix.AsSpan(row * Dimensions, Dimensions));
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool Remove(Guid movieId)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_rows.ContainsKey(movieId))
            {
                return false;
            }

            EnsureWritable(_count);
            var row = _rows[movieId];
            _rows.Remove(movieId);

            // Swap-remove: the last row moves into the hole, so rows stay contiguous.
            var last = --_count;
            if (row != last)
            {
                var lastId = _ids[last];
                _matrix.AsSpan(last * Dimensions, Dimensions).CopyTo(_matrix.AsSpan(row * Dimensions, Dimensions));
                _ids[row] = lastId;
                _rows[lastId] = row;
            }

            _ids[last] = Guid.Empty;
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool Contains(Guid movieId)
    {
        _lock.EnterReadLock();
        try
        {
            return _rows.ContainsKey(movieId);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public IReadOnlyList<ScoredMovie> TopK(ReadOnlySpan<float> query, int k, IReadOnlySet<Guid>? exclude = null)
    {
        VectorSnapshot.ThrowIfWrongLength(query, Dimensions, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        _lock.EnterReadLock();
        try
        {
            return VectorSnapshot.TopK(_matrix, _ids, _rows, _count, Dimensions, query, k, exclude);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    public IVectorSnapshot Snapshot()
    {
        // A write lock, because the snapshot marks the arrays shared.
        _lock.EnterWriteLock();
        try
        {
            _shared = true;
            return new VectorSnapshot(_matrix, _ids, _rows, _count, Dimensions);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    // Makes the arrays private to the index (copying them if a snapshot holds them) with room for rowCount rows.
    private void EnsureWritable(int rowCount)
    {
        var capacity = _ids.Length;
        if (!_shared && rowCount <= capacity)
        {
            return;
        }

        if (rowCount > capacity)
        {
            capacity = Math.Max(Math.Max(4, rowCount), capacity * 2);
        }

        var matrix = new float[(long)capacity * Dimensions];
        _matrix.AsSpan(0, _count * Dimensions).CopyTo(matrix);
        var ids = new Guid[capacity];
        _ids.AsSpan(0, _count).CopyTo(ids);
        _matrix = matrix;
        _ids = ids;
        if (_shared)
        {
            _rows = new Dictionary<Guid, int>(_rows);
            _shared = false;
        }
    }
}
