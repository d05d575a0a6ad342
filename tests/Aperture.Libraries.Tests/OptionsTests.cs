using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aperture.Libraries.Tests;

public sealed class OptionsTests
{
    private static readonly string Root = Path.Join(Path.GetTempPath(), "aperture-options-root");

    [Fact]
    public void Options_bind_from_the_Aperture_Libraries_section_and_resolve_the_writer()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Aperture:Libraries:OutputRoot"] = Root,
            ["Aperture:Libraries:ServerOutputRoot"] = "/mnt/aperture",
            ["Aperture:Libraries:Mode"] = "Symlink",
            ["Aperture:Libraries:MediaPathMappings:0:ServerPath"] = "/data/movies",
            ["Aperture:Libraries:MediaPathMappings:0:LocalPath"] = "/media/movies",
            ["Aperture:Libraries:IncludeExplanationInPlot"] = "false",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<LibraryOptions>>().Value;

        Assert.Equal(LibraryWriteMode.Symlink, options.Mode);
        Assert.Equal("/mnt/aperture", options.ServerOutputRoot);
        Assert.Equal("/media/movies", Assert.Single(options.MediaPathMappings).LocalPath);
        Assert.False(options.IncludeExplanationInPlot);
        Assert.Equal("{user}_{id}", options.UserFolderTemplate);
        Assert.Equal("{user}'s AI Picks - Movies", options.LibraryNameTemplate);
        Assert.IsType<LibraryWriter>(provider.GetRequiredService<ILibraryWriter>());
    }

    [Fact]
    public void The_configure_action_wins_over_configuration()
    {
        using var provider = Build(new Dictionary<string, string?> { ["Aperture:Libraries:OutputRoot"] = "/elsewhere" }, options => options.OutputRoot = Root);

        Assert.Equal(Root, provider.GetRequiredService<IOptions<LibraryOptions>>().Value.OutputRoot);
    }

    [Theory]
    [InlineData(null, null, null, null, "OutputRoot is required")]
    [InlineData("relative/path", null, null, null, "must be an absolute path; 'relative/path' is relative")]
    [InlineData("{root}", "mnt/aperture", null, null, "ServerOutputRoot must be an absolute path")]
    [InlineData("{root}", null, "{user}", null, "must contain {id}")]
    [InlineData("{root}", null, "{user}_{id}_{date}", null, "'{date}' is not a placeholder")]
    [InlineData("{root}", null, "{user}/{id}", null, "one folder name")]
    [InlineData("{root}", null, ".{id}", null, "must not start with a dot")]
    [InlineData("{root}", null, "  ", null, "UserFolderTemplate '  ' is invalid: it is empty")]
    [InlineData("{root}", null, null, "AI Picks - Movies", "must contain {user}")]
    [InlineData("{root}", null, null, "{user} {type}", "'{type}' is not a placeholder")]
    public void Invalid_settings_fail_at_start_naming_the_setting_and_why(string? outputRoot, string? serverRoot, string? folderTemplate, string? libraryTemplate, string expected)
    {
        using var provider = Build(new Dictionary<string, string?>(), options =>
        {
            options.OutputRoot = outputRoot?.Replace("{root}", Root, StringComparison.Ordinal) ?? string.Empty;
            options.ServerOutputRoot = serverRoot;
            options.UserFolderTemplate = folderTemplate ?? options.UserFolderTemplate;
            options.LibraryNameTemplate = libraryTemplate ?? options.LibraryNameTemplate;
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("Aperture:Libraries:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_media_path_mapping_needs_both_absolute_paths()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Aperture:Libraries:OutputRoot"] = Root,
            ["Aperture:Libraries:MediaPathMappings:0:ServerPath"] = "/data/movies",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("MediaPathMappings:0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"D:\Aperture")]
    [InlineData(@"\\nas\share")]
    [InlineData("/mnt/aperture")]
    public void Server_paths_of_any_operating_system_are_accepted(string serverRoot)
    {
        using var provider = Build(new Dictionary<string, string?>(), options =>
        {
            options.OutputRoot = Root;
            options.ServerOutputRoot = serverRoot;
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<LibraryOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddAperture().AddLibraryWriter(configure);
        return services.BuildServiceProvider();
    }
}
