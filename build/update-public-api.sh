#!/usr/bin/env bash
# Regenerates the public API baselines (src/<Package>/PublicAPI.Unshipped.txt) from the code.
#
#   build/update-public-api.sh                      every package under src/
#   build/update-public-api.sh Aperture.Jobs ...    only these packages
#
# The analyzer (Microsoft.CodeAnalysis.PublicApiAnalyzers) fails the build when a public symbol is missing from the
# baselines (RS0016) or listed there but gone (RS0017). This script rewrites PublicAPI.Unshipped.txt from scratch
# with the analyzer's own code fixes, so the file always equals the current surface: new symbols appear, deleted
# ones disappear, and a deleted symbol that had shipped is recorded as *REMOVED*. Review the diff, then commit it.
# At a release, move the lines of PublicAPI.Unshipped.txt into PublicAPI.Shipped.txt (see docs/packaging.md).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ $# -gt 0 ]]; then
  projects=()
  for name in "$@"; do
    name="${name#src/}"; name="${name%/}"
    [[ -f "src/$name/$name.csproj" ]] || { echo "No package src/$name/$name.csproj." >&2; exit 2; }
    projects+=("src/$name/$name.csproj")
  done
else
  projects=(src/*/*.csproj)
fi

header='#nullable enable'
for project in "${projects[@]}"; do
  dir="$(dirname "$project")"
  [[ -f "$dir/PublicAPI.Shipped.txt" ]] || printf '%s\n' "$header" > "$dir/PublicAPI.Shipped.txt"
  printf '%s\n' "$header" > "$dir/PublicAPI.Unshipped.txt"
done

# One package at a time: given a solution or a solution filter, dotnet format applies the fixes to one project only.
for project in "${projects[@]}"; do
  echo "Updating the public API of $(basename "$project" .csproj)..."
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity warn --verbosity quiet
done

# The code fix inserts in its own order; sort so that a regeneration from scratch gives the same file every time.
for project in "${projects[@]}"; do
  file="$(dirname "$project")/PublicAPI.Unshipped.txt"
  { head -n 1 "$file"; tail -n +2 "$file" | grep -v '^[[:space:]]*$' | LC_ALL=C sort -f | uniq; } > "$file.sorted"
  mv "$file.sorted" "$file"
  echo "  $file: $(($(wc -l < "$file") - 1)) symbols"
done
