using System.Text.Json;
using Aperture.MediaServers;

namespace Aperture.Testing;

/// <summary>The JSON bodies of the emulator's non-item endpoints, in each dialect's shape.</summary>
internal sealed class EmulatorResponses(EmulatorState state, string serverId, string serverName, string version)
{
    private bool IsEmby => state.Kind == MediaServerKind.Emby;

    public void WriteSystemInfo(Utf8JsonWriter w, Uri localAddress)
    {
        var address = localAddress.GetLeftPart(UriPartial.Authority);
        w.WriteStartObject();
        if (IsEmby)
        {
            w.WriteString("SystemUpdateLevel", "Release");
            w.WriteString("OperatingSystemDisplayName", "Linux");
            w.WriteBoolean("HasPendingRestart", false);
            w.WriteBoolean("IsShuttingDown", false);
            w.WriteString("OperatingSystem", "Linux");
            w.WriteBoolean("SupportsLibraryMonitor", true);
            w.WriteNumber("WebSocketPortNumber", localAddress.Port);
            w.WriteStartArray("CompletedInstallations");
            w.WriteEndArray();
            w.WriteBoolean("CanSelfRestart", true);
            w.WriteBoolean("CanSelfUpdate", false);
            w.WriteBoolean("CanLaunchWebBrowser", false);
            w.WriteString("ProgramDataPath", "/config");
            w.WriteString("ItemsByNamePath", "/config/metadata");
            w.WriteString("CachePath", "/config/cache");
            w.WriteString("LogPath", "/config/logs");
            w.WriteString("InternalMetadataPath", "/config/metadata");
            w.WriteString("TranscodingTempPath", "/config/transcoding-temp");
            w.WriteNumber("HttpServerPortNumber", localAddress.Port);
            w.WriteBoolean("SupportsHttps", false);
            w.WriteNumber("HttpsPortNumber", 8920);
            w.WriteBoolean("HasUpdateAvailable", false);
            w.WriteBoolean("SupportsAutoRunAtStartup", false);
            w.WriteBoolean("HardwareAccelerationRequiresPremiere", true);
            w.WriteString("LocalAddress", address);
            w.WriteStartArray("LocalAddresses");
            w.WriteStringValue(address);
            w.WriteEndArray();
            w.WriteStartArray("RemoteAddresses");
            w.WriteEndArray();
            w.WriteString("ServerName", serverName);
            w.WriteString("Version", version);
            w.WriteString("Id", serverId);
        }
        else
        {
            w.WriteString("LocalAddress", address);
            w.WriteString("ServerName", serverName);
            w.WriteString("Version", version);
            w.WriteString("ProductName", "Jellyfin Server");
            w.WriteString("OperatingSystem", "Linux");
            w.WriteString("Id", serverId);
            w.WriteBoolean("StartupWizardCompleted", true);
            w.WriteString("OperatingSystemDisplayName", "Linux");
            w.WriteBoolean("HasPendingRestart", false);
            w.WriteBoolean("IsShuttingDown", false);
            w.WriteBoolean("SupportsLibraryMonitor", true);
            w.WriteNumber("WebSocketPortNumber", localAddress.Port);
            w.WriteStartArray("CompletedInstallations");
            w.WriteEndArray();
            w.WriteBoolean("CanSelfRestart", false);
            w.WriteBoolean("CanLaunchWebBrowser", false);
            w.WriteString("ProgramDataPath", "/config");
            w.WriteString("WebPath", "/jellyfin/jellyfin-web");
            w.WriteString("ItemsByNamePath", "/config/metadata");
            w.WriteString("CachePath", "/cache");
            w.WriteString("LogPath", "/config/log");
            w.WriteString("InternalMetadataPath", "/config/metadata");
            w.WriteString("TranscodingTempPath", "/config/transcodes");
            w.WriteStartArray("CastReceiverApplications");
            w.WriteEndArray();
            w.WriteBoolean("HasUpdateAvailable", false);
            w.WriteString("EncoderLocation", "System");
            w.WriteString("SystemArchitecture", "X64");
        }

        w.WriteEndObject();
    }

    public void WriteLibraries(Utf8JsonWriter w)
    {
        var libraries = state.Locked(s => s.Libraries.ToArray());
        if (IsEmby)
        {
            w.WriteStartObject();
            w.WritePropertyName("Items");
        }

        w.WriteStartArray();
        foreach (var library in libraries)
        {
            w.WriteStartObject();
            w.WriteString("Name", library.Name);
            w.WriteStartArray("Locations");
            foreach (var location in library.Locations)
            {
                w.WriteStringValue(location);
            }

            w.WriteEndArray();
            if (library.CollectionType is not null)
            {
                w.WriteString("CollectionType", library.CollectionType);
            }

            w.WriteStartObject("LibraryOptions");
            w.WriteBoolean("EnableRealtimeMonitor", true);
            w.WriteBoolean("EnablePhotos", true);
            w.WriteStartArray("PathInfos");
            foreach (var location in library.Locations)
            {
                w.WriteStartObject();
                w.WriteString("Path", location);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteBoolean("SaveLocalMetadata", false);
            w.WriteString("PreferredMetadataLanguage", "en");
            w.WriteString("MetadataCountryCode", "US");
            w.WriteEndObject();
            w.WriteString("ItemId", library.ItemId);
            if (IsEmby)
            {
                w.WriteString("Id", library.VirtualFolderId);
                w.WriteString("Guid", library.Guid);
            }

            w.WriteString("PrimaryImageItemId", library.ItemId);
            w.WriteString("RefreshStatus", "Idle");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (IsEmby)
        {
            w.WriteNumber("TotalRecordCount", libraries.Length);
            w.WriteEndObject();
        }
    }

    public void WriteUsers(Utf8JsonWriter w)
    {
        var users = state.Locked(s => s.Users.ToArray());
        if (IsEmby)
        {
            w.WriteStartObject();
            w.WritePropertyName("Items");
        }

        w.WriteStartArray();
        foreach (var user in users)
        {
            WriteUser(w, user);
        }

        w.WriteEndArray();
        if (IsEmby)
        {
            w.WriteNumber("TotalRecordCount", users.Length);
            w.WriteEndObject();
        }
    }

    public void WriteUser(Utf8JsonWriter w, EmulatorUser user)
    {
        var (enabledFolders, enableAll) = state.Locked(_ => (user.EnabledFolders.ToArray(), user.EnableAllFolders));
        w.WriteStartObject();
        w.WriteString("Name", user.Name);
        w.WriteString("ServerId", serverId);
        if (IsEmby)
        {
            w.WriteString("Prefix", user.Name[..1].ToUpperInvariant());
            EmulatorJson.WriteDate(w, "DateCreated", new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }

        w.WriteString("Id", user.Id);
        w.WriteBoolean("HasPassword", true);
        w.WriteBoolean("HasConfiguredPassword", true);
        w.WriteBoolean("HasConfiguredEasyPassword", false);
        w.WriteBoolean("EnableAutoLogin", false);
        EmulatorJson.WriteDate(w, "LastLoginDate", new DateTimeOffset(2026, 10, 1, 20, 15, 3, TimeSpan.Zero).AddTicks(1234567));
        EmulatorJson.WriteDate(w, "LastActivityDate", new DateTimeOffset(2026, 10, 2, 21, 0, 9, TimeSpan.Zero).AddTicks(7654321));
        w.WriteStartObject("Configuration");
        w.WriteString("AudioLanguagePreference", string.Empty);
        w.WriteBoolean("PlayDefaultAudioTrack", true);
        w.WriteString("SubtitleLanguagePreference", string.Empty);
        w.WriteBoolean("DisplayMissingEpisodes", false);
        w.WriteString("SubtitleMode", "Default");
        w.WriteBoolean("HidePlayedInLatest", true);
        w.WriteEndObject();
        w.WritePropertyName("Policy");
        WritePolicy(w, user, enabledFolders, enableAll);
        w.WriteEndObject();
    }

    private void WritePolicy(Utf8JsonWriter w, EmulatorUser user, string[] enabledFolders, bool enableAll)
    {
        w.WriteStartObject();
        w.WriteBoolean("IsAdministrator", user.IsAdministrator);
        w.WriteBoolean("IsHidden", false);
        if (IsEmby)
        {
            w.WriteBoolean("IsHiddenRemotely", false);
            w.WriteBoolean("IsHiddenFromUnusedDevices", false);
        }
        else
        {
            w.WriteBoolean("EnableCollectionManagement", false);
            w.WriteBoolean("EnableSubtitleManagement", false);
            w.WriteBoolean("EnableLyricManagement", false);
        }

        w.WriteBoolean("IsDisabled", user.IsDisabled);
        if (user.MaxParentalRating is { } rating)
        {
            w.WriteNumber("MaxParentalRating", rating);
        }

        w.WriteStartArray("BlockedTags");
        w.WriteEndArray();
        w.WriteBoolean("EnableUserPreferenceAccess", true);
        w.WriteStartArray("AccessSchedules");
        w.WriteEndArray();
        w.WriteStartArray("BlockUnratedItems");
        w.WriteEndArray();
        w.WriteBoolean("EnableRemoteControlOfOtherUsers", false);
        w.WriteBoolean("EnableSharedDeviceControl", true);
        w.WriteBoolean("EnableRemoteAccess", true);
        w.WriteBoolean("EnableLiveTvManagement", false);
        w.WriteBoolean("EnableLiveTvAccess", true);
        w.WriteBoolean("EnableMediaPlayback", true);
        w.WriteBoolean("EnableAudioPlaybackTranscoding", true);
        w.WriteBoolean("EnableVideoPlaybackTranscoding", true);
        w.WriteBoolean("EnablePlaybackRemuxing", true);
        w.WriteBoolean("EnableContentDeletion", false);
        w.WriteStartArray("EnableContentDeletionFromFolders");
        w.WriteEndArray();
        w.WriteBoolean("EnableContentDownloading", true);
        w.WriteBoolean("EnableSyncTranscoding", true);
        w.WriteBoolean("EnableMediaConversion", true);
        w.WriteStartArray("EnabledDevices");
        w.WriteEndArray();
        w.WriteBoolean("EnableAllDevices", true);
        w.WriteStartArray("EnabledChannels");
        w.WriteEndArray();
        w.WriteBoolean("EnableAllChannels", true);
        w.WriteStartArray("EnabledFolders");
        foreach (var folder in enabledFolders)
        {
            w.WriteStringValue(folder);
        }

        w.WriteEndArray();
        w.WriteBoolean("EnableAllFolders", enableAll);
        w.WriteNumber("InvalidLoginAttemptCount", 0);
        w.WriteBoolean("EnablePublicSharing", true);
        w.WriteStartArray("BlockedMediaFolders");
        w.WriteEndArray();
        w.WriteNumber("RemoteClientBitrateLimit", 0);
        if (IsEmby)
        {
            w.WriteString("AuthenticationProviderId", "Emby.Server.Implementations.Library.DefaultAuthenticationProvider");
            w.WriteStartArray("ExcludedSubFolders");
            w.WriteEndArray();
            w.WriteNumber("SimultaneousStreamLimit", 0);
            w.WriteBoolean("AllowCameraUpload", true);
            w.WriteBoolean("AllowSharingPersonalItems", false);
        }
        else
        {
            w.WriteNumber("LoginAttemptsBeforeLockout", -1);
            w.WriteNumber("MaxActiveSessions", 0);
            w.WriteStartArray("BlockedChannels");
            w.WriteEndArray();
            w.WriteString("AuthenticationProviderId", "Jellyfin.Server.Implementations.Users.DefaultAuthenticationProvider");
            w.WriteString("PasswordResetProviderId", "Jellyfin.Server.Implementations.Users.DefaultPasswordResetProvider");
            w.WriteString("SyncPlayAccess", "CreateAndJoinGroups");
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// Writes one user's data of one item. Emby leaves out <c>PlayCount</c> and <c>LastPlayedDate</c> unless
    /// <c>Fields</c> asked for <c>UserDataPlayCount</c> / <c>UserDataLastPlayedDate</c>.
    /// </summary>
    public void WriteUserData(Utf8JsonWriter w, EmulatorMovie movie, EmulatorUserData? data, EmulatorItemFields fields)
    {
        data ??= new EmulatorUserData(false, 0, null, false, 0, null, DateTimeOffset.MinValue);
        w.WriteStartObject();
        if (data.Rating is { } rating)
        {
            w.WriteNumber("Rating", rating);
        }

        if (data.PlaybackPositionTicks > 0 && movie.Movie.RuntimeMinutes is > 0 and var minutes)
        {
            w.WriteNumber("PlayedPercentage", 100.0 * data.PlaybackPositionTicks / (minutes * EmulatorItemWriter.TicksPerMinute));
        }

        w.WriteNumber("PlaybackPositionTicks", data.PlaybackPositionTicks);
        if (!IsEmby || fields.HasFlag(EmulatorItemFields.UserDataPlayCount))
        {
            w.WriteNumber("PlayCount", data.PlayCount);
        }

        w.WriteBoolean("IsFavorite", data.IsFavorite);
        if (data.LastPlayedDate is { } lastPlayed && (!IsEmby || fields.HasFlag(EmulatorItemFields.UserDataLastPlayedDate)))
        {
            EmulatorJson.WriteDate(w, "LastPlayedDate", lastPlayed);
        }

        w.WriteBoolean("Played", data.Played);
        if (!IsEmby)
        {
            w.WriteString("Key", movie.Movie.TmdbId ?? movie.Id);
            w.WriteString("ItemId", movie.Id);
        }

        w.WriteEndObject();
    }
}
