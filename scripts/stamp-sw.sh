#!/bin/sh
# Trunk post-build hook (Trunk.toml): writes the build's version and file list
# into sw.js, so each release is a new service worker that caches exactly its
# own files. The version is a hash of every file it caches.
set -eu
# Each language's texts, which build.rs writes beside the wasm build
# (src/i18n/texts.rs): the newest file of each, whichever profile wrote it
# (every profile writes the same file for the same catalogue).
source_dir="${TRUNK_SOURCE_DIR:-.}"
target_dir="${CARGO_TARGET_DIR:-$source_dir/target}"
catalogues=""
for lang in zh-CN en; do
  file=$(ls -t "$target_dir"/wasm32-unknown-unknown/*/i18n/catalogue-$lang-*.json 2>/dev/null | head -n 1)
  if [ -z "$file" ]; then
    echo "stamp-sw: no $lang texts under $target_dir (build.rs writes them)" >&2
    exit 1
  fi
  catalogues="$catalogues $file"
done
cd "${TRUNK_STAGING_DIR:?run by trunk build}"
cp $catalogues .
# index.html preloads the catalogue of the language the app will start in.
for file in $catalogues; do
  name=$(basename "$file")
  lang=$(echo "$name" | sed -e 's/^catalogue-//' -e 's/-[0-9a-f]*\.json$//')
  sed -e "s|__CATALOGUE_${lang}__|$name|" index.html > index.html.stamped
  mv index.html.stamped index.html
done
if grep -q "__CATALOGUE_" index.html; then
  echo "stamp-sw: a catalogue name was not written into index.html" >&2
  exit 1
fi
files=$(ls | grep -E '\.(html|js|wasm|css|svg|json)$' | grep -v '^sw\.js$' | LC_ALL=C sort)
version=$(cat $files | sha256sum | cut -c1-16)
list=""
for f in $files; do
  if [ "$f" = index.html ]; then entry='"./"'; else entry="\"./$f\""; fi
  list="${list:+$list,}$entry"
done
sed -e "s|__VERSION__|$version|" -e "s|\"__ASSETS__\"|[$list]|" sw.js > sw.js.stamped
mv sw.js.stamped sw.js
grep -q "$version" sw.js
