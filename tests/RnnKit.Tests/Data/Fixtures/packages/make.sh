#!/usr/bin/env bash
# Makes the small package fixtures of PackageArchiveTests and the hub's archive tests (committed; rerun only to
# change them): three .deb files that differ in the data tarball's compression (xz, zst, gz) and an npm tarball.
# Each holds a poem file, a link to it, and a folder of two JSON files (one in a subfolder), as the real packages do.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tarit() { tar --sort=name --mtime=2024-01-01 --owner=0 --group=0 --numeric-owner -C "$1" -cf - "${@:2}"; }

mkdir -p "$work/root/usr/share/tiny/strokes/more"
printf '\033[32m《静夜思》\033[m\n\033[33m作者：李白\033[m\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n%%\n' > "$work/root/usr/share/tiny/poem"
ln -s poem "$work/root/usr/share/tiny/poem.u8"
printf '{"character":"一","strokes":["M 0 0 L 10 0"]}\n' > "$work/root/usr/share/tiny/strokes/一.json"
printf '{"character":"二","strokes":["M 0 0 L 10 0","M 0 5 L 10 5"]}\n' > "$work/root/usr/share/tiny/strokes/more/二.json"
printf '2.0\n' > "$work/debian-binary"
printf 'Package: tiny\nVersion: 1.0\nArchitecture: all\nDescription: test fixture\n' > "$work/control"
tarit "$work" control | xz -c > "$work/control.tar.xz"
tarit "$work/root" ./usr > "$work/data.tar"
for z in xz zst gz; do
  case $z in xz) xz -c "$work/data.tar" ;; zst) zstd -q -c "$work/data.tar" ;; gz) gzip -n -c "$work/data.tar" ;; esac > "$work/data.tar.$z"
  rm -f "$here/tiny-$z.deb"
  (cd "$work" && ar rcD "$here/tiny-$z.deb" debian-binary control.tar.xz "data.tar.$z")
done

mkdir -p "$work/npm/package/data/more"
cp "$work/root/usr/share/tiny/strokes/一.json" "$work/npm/package/data/"
cp "$work/root/usr/share/tiny/strokes/more/二.json" "$work/npm/package/data/more/"
cp "$work/root/usr/share/tiny/poem" "$work/npm/package/poem.txt"
printf '{"name":"@tiny/strokes","version":"1.0.0"}\n' > "$work/npm/package/package.json"
tarit "$work/npm" package | gzip -n -c > "$here/tiny-npm.tgz"
