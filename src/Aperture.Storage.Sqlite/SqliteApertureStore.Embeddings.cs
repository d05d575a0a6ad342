using System.Buffers;
using Aperture.Embeddings;

namespace Aperture.Storage.Sqlite;

internal sealed partial class SqliteApertureStore
{
    public Task<IReadOnlyDictionary<Guid, string>> GetTextHashesAsync(string modelKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelKey);
        return ReadAsync<IReadOnlyDictionary<Guid, string>>(transaction =>
        {
            using var command = transaction.Command("SELECT movie_id, text_hash FROM vectors WHERE model_key = $model;");
            command.With("$model", modelKey);
            using var reader = command.ExecuteReader();
            var hashes = new Dictionary<Guid, string>();
            while (reader.Read())
            {
                hashes[reader.GetId(0)] = reader.GetString(1);
            }

            return hashes;
        }, cancellationToken);
    }

    public Task UpsertVectorsAsync(IReadOnlyList<MovieVector> vectors, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var batchDimensions = StoreGuard.ValidateVectors(vectors);
        return WriteAsync(transaction =>
        {
            foreach (var model in vectors.Select(static v => v.Model).DistinctBy(static m => m.Key))
            {
                var stored = transaction.Scalar<int?>("SELECT dimensions FROM embedding_models WHERE key = $key;", ("$key", model.Key));
                if (stored is { } dimensions && dimensions != model.Dimensions)
                {
                    throw StoreGuard.DimensionConflict(model.Key, batchDimensions[model.Key], dimensions);
                }

                transaction.Execute(
                    "INSERT INTO embedding_models (key, provider, model, dimensions) VALUES ($key, $provider, $model, $dimensions) ON CONFLICT (key) DO NOTHING;",
                    ("$key", model.Key),
                    ("$provider", model.Provider),
                    ("$model", model.Model),
                    ("$dimensions", model.Dimensions));
            }

            using var upsert = transaction.Command("""
                INSERT INTO vectors (model_key, movie_id, dimensions, text_hash, vector) VALUES ($model, $movie, $dimensions, $hash, $vector)
                ON CONFLICT (model_key, movie_id) DO UPDATE SET
                    dimensions = excluded.dimensions, text_hash = excluded.text_hash, vector = excluded.vector;
                """);
            var p = AddParameters(upsert, "$model", "$movie", "$dimensions", "$hash", "$vector");
            upsert.Prepare();

            // SQLite copies a bound BLOB, so one buffer per vector size serves the whole batch.
            var blobs = new Dictionary<int, byte[]>();
            foreach (var vector in vectors)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var length = vector.Vector.Length * sizeof(float);
                if (!blobs.TryGetValue(length, out var blob))
                {
                    blobs[length] = blob = new byte[length];
                }

                SqliteValues.WriteVector(vector.Vector.Span, blob);
                p[0].Value = vector.Model.Key;
                p[1].Value = SqliteValues.ToBlob(vector.MovieId);
                p[2].Value = vector.Model.Dimensions;
                p[3].Value = vector.TextHash;
                p[4].Value = blob;
                upsert.ExecuteNonQuery();
            }
        }, cancellationToken);
    }

    public Task<IReadOnlyList<MovieVector>> GetVectorsAsync(string modelKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelKey);
        return ReadAsync<IReadOnlyList<MovieVector>>(transaction =>
        {
            if (ReadModel(transaction, modelKey) is not { } model)
            {
                return [];
            }

            var count = transaction.Scalar<int>("SELECT count(*) FROM vectors WHERE model_key = $model;", ("$model", modelKey));

            // One block for every vector of the model, each MovieVector a slice of it: no per-vector arrays.
            var block = new float[count * model.Dimensions];
            var vectors = new List<MovieVector>(count);
            var scratch = ArrayPool<byte>.Shared.Rent(model.Dimensions * sizeof(float));
            try
            {
                using var command = transaction.Command("SELECT movie_id, text_hash, vector FROM vectors WHERE model_key = $model ORDER BY movie_id;");
                command.With("$model", modelKey);
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var slice = block.AsMemory(vectors.Count * model.Dimensions, model.Dimensions);
                    reader.ReadVector(2, scratch, slice.Span);
                    vectors.Add(new MovieVector(reader.GetId(0), model, reader.GetString(1), slice));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }

            return vectors;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<EmbeddingModelUsage>> GetModelsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<EmbeddingModelUsage>>(transaction =>
        {
            using var command = transaction.Command("""
                SELECT m.provider, m.model, m.dimensions, count(*)
                FROM embedding_models m JOIN vectors v ON v.model_key = m.key
                GROUP BY m.key ORDER BY m.key;
                """);
            using var reader = command.ExecuteReader();
            var models = new List<EmbeddingModelUsage>();
            while (reader.Read())
            {
                models.Add(new EmbeddingModelUsage(new EmbeddingModelId(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)), reader.GetInt32(3)));
            }

            return models;
        }, cancellationToken);

    public Task<int> PurgeModelAsync(string modelKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelKey);
        return WriteAsync(transaction =>
        {
            var deleted = transaction.Execute("DELETE FROM vectors WHERE model_key = $model;", ("$model", modelKey));
            transaction.Execute("DELETE FROM embedding_models WHERE key = $model;", ("$model", modelKey));
            return deleted;
        }, cancellationToken);
    }

    private static EmbeddingModelId? ReadModel(Microsoft.Data.Sqlite.SqliteTransaction transaction, string modelKey)
    {
        using var command = transaction.Command("SELECT provider, model, dimensions FROM embedding_models WHERE key = $key;");
        command.With("$key", modelKey);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new EmbeddingModelId(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)) : null;
    }
}
