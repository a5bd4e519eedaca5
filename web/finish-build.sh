#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): finishes dist/ before Trunk moves it in place.
#
# 1. Content-Security-Policy: Trunk's loader is an inline module script, which
#    script-src would otherwise have to allow with 'unsafe-inline'. Replace that with
#    the sha256 of each inline script, so no other inline script can run.
# 2. Service worker: write the build version (a hash of every file) and the list of
#    files to precache into sw.js, so each deploy installs a fresh, consistent cache.
#    The full worker (pgsight-worker*: the SQL engine) is left out of the precache
#    list: a plan-only visit must not download it. sw.js caches it when first used.
#    The example plans and rule doc pages (examples/, rules/: fetched by the page when
#    needed) are precached, so they work offline; their READMEs are not used.
#    Debug builds get a service worker that caches nothing.
#
# Needs bash, coreutils (sha256sum or shasum, base64) and sed; no network.
set -euo pipefail

dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cd "$dir"

sha256_hex() {
  if command -v sha256sum >/dev/null; then sha256sum | cut -d' ' -f1; else shasum -a 256 | cut -d' ' -f1; fi
}
hex_to_base64() {
  printf '%b' "$(sed 's/../\\x&/g' <<<"$1")" | base64 | tr -d '\n'
}

# 1. CSP hashes of the inline scripts.
html="$(<index.html)"
rest="$html"
sources=""
while [[ "$rest" == *"<script"* ]]; do
  rest="${rest#*<script}"
  tag="${rest%%>*}"
  body="${rest#*>}"
  body="${body%%</script>*}"
  rest="${rest#*</script>}"
  if [[ "$tag" != *"src="* ]]; then
    hex="$(printf '%s' "$body" | sha256_hex)"
    sources+=" 'sha256-$(hex_to_base64 "$hex")'"
  fi
done
if [[ -n "$sources" ]]; then
  if ! grep -q "script-src 'self' 'unsafe-inline'" index.html; then
    echo "finish-build: index.html has no \"script-src 'self' 'unsafe-inline'\" to tighten" >&2
    exit 1
  fi
  sed -i.bak "s|script-src 'self' 'unsafe-inline'|script-src 'self'${sources}|" index.html
  rm -f index.html.bak
fi

# 2. The service worker's version and precache list.
if [[ -f sw.js && "${TRUNK_PROFILE:-release}" != release ]]; then
  sed -i.bak -e "s|__PGSIGHT_VERSION__|dev|" -e "s|__PGSIGHT_ASSETS__|[]|" sw.js
  rm -f sw.js.bak
  echo "finish-build: debug build, the service worker caches nothing"
elif [[ -f sw.js ]]; then
  files="$(find . -type f ! -name sw.js ! -name '*.bak' | sed 's|^\./||' | LC_ALL=C sort)"
  version="$(while IFS= read -r f; do printf '%s %s\n' "$(sha256_hex <"$f")" "$f"; done <<<"$files" | sha256_hex | cut -c1-16)"
  precached="$(grep -v -e '^pgsight-worker' -e '/README\.md$' <<<"$files")"
  list="$(while IFS= read -r f; do printf '"%s",' "$f"; done <<<"$precached")"
  list="[${list%,}]"
  sed -i.bak -e "s|__PGSIGHT_VERSION__|${version}|" -e "s|__PGSIGHT_ASSETS__|${list}|" sw.js
  rm -f sw.js.bak
  echo "finish-build: sw.js version ${version}, $(wc -l <<<"$precached" | tr -d ' ') files to precache"
fi
