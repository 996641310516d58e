#!/bin/sh
# Trunk post-build hook (Trunk.toml), release builds only: rebuilds the app
# with its split points marked (cargo feature `split`, src/ui/shell/lazy_screen.rs)
# and cuts it into the main module and the modules fetched on first use
# (README "Lazily loaded screens"), then puts them in place of the unsplit
# wasm and JS that Trunk staged, under the same hashed names. Tools:
# wasm-split-cli (crate wasm_split_cli_support), wasm-bindgen and wasm-opt,
# all installed by scripts/setup.sh.
set -eu
[ "${TRUNK_PROFILE:-debug}" = release ] || exit 0
source_dir="${TRUNK_SOURCE_DIR:-.}"
staging="${TRUNK_STAGING_DIR:?run by trunk build}"
cd "$source_dir"
# Its own target directory: the link flag below changes every crate's build.
target_dir="${CARGO_TARGET_DIR:-$source_dir/target}/split"
# --emit-relocs keeps the relocations the splitter needs to move code out.
RUSTFLAGS="${RUSTFLAGS:-} -C link-arg=--emit-relocs" \
  cargo build --release --locked --target wasm32-unknown-unknown --bin marketplan \
  --features split --target-dir "$target_dir"

wasm=$(ls "$staging"/marketplan-*_bg.wasm)
stem=$(basename "$wasm" _bg.wasm)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-split-cli --out-name "$stem" "$target_dir/wasm32-unknown-unknown/release/marketplan.wasm" "$work/split"
# --keep-lld-exports: the split modules import the main module's functions
# through the exports the linker made for them.
wasm-bindgen --target web --no-typescript --keep-lld-exports \
  --out-dir "$work/bound" --out-name "$stem" "$work/split/$stem.wasm"
# Besides the main part: split_<name>.wasm per split point, and chunk_<n>.wasm
# for code that several of them share (fetched with the first that needs it).
lazy=$(ls "$work/split" | grep -E '^(split|chunk)_.*\.wasm$')
for file in "$work/bound/${stem}_bg.wasm" $(for f in $lazy; do echo "$work/split/$f"; done); do
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$file" -o "$file"
done

# index.html names the main wasm and JS with their SRI hashes: rewrite them.
sri() { printf 'sha384-%s' "$(openssl dgst -sha384 -binary "$1" | base64 -w0)"; }
for pair in "$work/bound/${stem}_bg.wasm:${stem}_bg.wasm" "$work/bound/$stem.js:$stem.js"; do
  new="${pair%%:*}"
  old="$staging/${pair#*:}"
  sed -e "s|$(sri "$old")|$(sri "$new")|g" "$staging/index.html" > "$work/index.html"
  mv "$work/index.html" "$staging/index.html"
  cp "$new" "$old"
done
for f in $lazy; do cp "$work/split/$f" "$staging/"; done
# The loader imports the main module by the name given to the splitter.
cp "$work/split/__wasm_split.js" "$staging/"
grep -q "\"./$stem.js\"" "$staging/__wasm_split.js"
echo "split: beside $stem, fetched on first use:" $lazy
