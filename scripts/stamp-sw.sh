#!/bin/sh
# Trunk post-build hook (Trunk.toml): writes the build's version and file list
# into sw.js, so each release is a new service worker that caches exactly its
# own files. The version is a hash of every file it caches.
set -eu
cd "${TRUNK_STAGING_DIR:?run by trunk build}"
files=$(ls | grep -E '\.(html|js|wasm|css|svg)$' | grep -v '^sw\.js$' | LC_ALL=C sort)
version=$(cat $files | sha256sum | cut -c1-16)
list=""
for f in $files; do
  if [ "$f" = index.html ]; then entry='"./"'; else entry="\"./$f\""; fi
  list="${list:+$list,}$entry"
done
sed -e "s|__VERSION__|$version|" -e "s|\"__ASSETS__\"|[$list]|" sw.js > sw.js.stamped
mv sw.js.stamped sw.js
grep -q "$version" sw.js
