#!/usr/bin/env bash
# Packs every package of Aperture.Core into artifacts/packages, checks what each package holds, then restores,
# builds and runs tests/consumer/Aperture.ConsumerTest against them the way an application does: by version, from
# that folder feed, in a NuGet package folder of its own (so a package packed earlier can never stand in).
#
#   build/consumer-test.sh              builds and packs, then runs the consumer test
#   build/consumer-test.sh --no-build   packs what `dotnet build` or `dotnet test` built in Release (CI)
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

pack_options=()
case "${1:-}" in
  --no-build) pack_options+=(--no-build) ;;
  '') ;;
  *) echo "usage: build/consumer-test.sh [--no-build]" >&2; exit 2 ;;
esac

feed=artifacts/packages
consumer=tests/consumer/Aperture.ConsumerTest
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

echo "== Packing into $feed"
rm -rf "$feed"
dotnet pack Aperture.Core.sln -c Release -o "$feed" "${pack_options[@]}" -v:q -nologo
version="$(dotnet msbuild src/Aperture.Abstractions/Aperture.Abstractions.csproj -getProperty:PackageVersion -p:Configuration=Release)"

echo "== Checking the packages of version $version"
packages=()
for project in src/*/*.csproj; do
  id="$(basename "$project" .csproj)"
  packages+=("$id")
  nupkg="$feed/$id.$version.nupkg"
  snupkg="$feed/$id.$version.snupkg"
  [[ -f "$nupkg" ]] || { fail "$id: no $nupkg"; continue; }
  [[ -f "$snupkg" ]] || fail "$id: no symbols package $snupkg"
  contents="$(unzip -Z1 "$nupkg")"
  for entry in README.md "lib/net10.0/$id.dll" "lib/net10.0/$id.xml"; do
    grep -qxF "$entry" <<<"$contents" || fail "$id: $entry is missing from the package"
  done
  if [[ -f "$snupkg" ]]; then
    grep -qxF "lib/net10.0/$id.pdb" <<<"$(unzip -Z1 "$snupkg")" || fail "$id: the symbols package has no $id.pdb"
  fi
  nuspec="$(unzip -p "$nupkg" "$id.nuspec")"
  grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "$id: no MIT licence expression"
  grep -q '<repository type="git" url="https://github.com/' <<<"$nuspec" || fail "$id: no repository URL"
  dependencies="$(grep -o '<dependency id="[^"]*"' <<<"$nuspec" | cut -d'"' -f2 || true)"
  if grep -qE '\.Tests$|^Aperture\.(Benchmarks|Samples|ConsumerTest)' <<<"$dependencies"; then
    fail "$id depends on a test, sample or benchmark project"
  fi
  if [[ "$id" != Aperture.Embeddings.Local ]] && grep -qE '^(Aperture\.Embeddings\.Local|Microsoft\.ML\.OnnxRuntime.*|SentenceTransformers.*)$' <<<"$dependencies"; then
    fail "$id depends on the optional local model (ONNX Runtime)"
  fi
done
extra="$(comm -13 <(for id in "${packages[@]}"; do echo "$id.$version.nupkg"; done | sort) <(ls "$feed" | grep '\.nupkg$' | sort))"
[[ -z "$extra" ]] || fail "packages that are not under src/: $extra"
echo "   ${#packages[@]} packages, each with README, XML docs and symbols"

echo "== Restoring the consumer test from the feed"
# NuGet's package folder for this run only; the machine's own serves as a read-only fallback for third-party packages.
fallback="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')"
export NUGET_PACKAGES="$PWD/artifacts/consumer/packages"
rm -rf artifacts/consumer "$consumer/bin" "$consumer/obj"
dotnet restore "$consumer" --configfile tests/consumer/nuget.config \
  -p:AperturePackageVersion="$version" -p:RestoreFallbackFolders="$fallback" -v:q -nologo

# Every Aperture package the test uses must be the one just packed (same SHA-512), extracted into the run's folder.
assets="$consumer/obj/project.assets.json"
for id in $(grep -oE '"Aperture\.[A-Za-z.]+/[^"]+": \{' "$assets" | cut -d'"' -f2 | cut -d/ -f1 | sort -u); do
  lower="$(tr '[:upper:]' '[:lower:]' <<<"$id")"
  restored="$NUGET_PACKAGES/$lower/$version/$lower.$version.nupkg.sha512"
  packed="$(openssl dgst -sha512 -binary "$feed/$id.$version.nupkg" | base64 -w0)"
  [[ -f "$restored" && "$(cat "$restored")" == "$packed" ]] || fail "$id $version did not come from $feed"
done
for id in Aperture.Abstractions Aperture.Embeddings Aperture.VectorStore; do
  grep -q "\"$id/$version\": {" "$assets" || fail "$id did not arrive through the packages' dependencies"
done
if grep -qE '"(Aperture\.Embeddings\.Local|Microsoft\.ML\.OnnxRuntime[A-Za-z.]*|SentenceTransformers[A-Za-z.]*)/' "$assets"; then
  fail "an application without Aperture.Embeddings.Local still gets ONNX Runtime or the local model"
fi

echo "== Building and running the consumer test"
dotnet build "$consumer" -c Release --no-restore -p:AperturePackageVersion="$version" -v:q -nologo
dotnet "$consumer/bin/Release/net10.0/Aperture.ConsumerTest.dll" || fail "the consumer test failed (see above)"

if ((failures > 0)); then
  echo "consumer-test: $failures problem(s); see the FAIL lines above." >&2
  exit 1
fi
echo "consumer-test: the packages of Aperture.Core $version work from a package feed."
