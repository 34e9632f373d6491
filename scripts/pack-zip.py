#!/usr/bin/env python3
"""Packs a folder into a zip with sorted entries and fixed timestamps, so the
same inputs always give the same bytes. Usage: pack-zip.py DIR OUT.zip

The entries are then recompressed with Zopfli's deflate by advancecomp's
`advzip` (deterministic; standard deflate entries that every browser reads),
about 49 KB smaller than zlib's level 9 on the extension (BENCHMARKS.md,
package size). `./build.sh` installs advancecomp; without `advzip` on the PATH
the zip keeps zlib's deflate and a note says so."""
import os
import shutil
import subprocess
import sys
import zipfile

FIXED_TIME = (2026, 1, 1, 0, 0, 0)


def main(folder: str, target: str) -> None:
    paths = []
    for base, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            paths.append(os.path.join(base, name))
    paths.sort(key=lambda p: os.path.relpath(p, folder))
    tmp = target + ".tmp"
    with zipfile.ZipFile(tmp, "w") as archive:
        for path in paths:
            info = zipfile.ZipInfo(os.path.relpath(path, folder).replace(os.sep, "/"), FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with open(path, "rb") as handle:
                archive.writestr(info, handle.read(), compresslevel=9)
    advzip = shutil.which("advzip")
    if advzip:
        subprocess.run([advzip, "--quiet", "--recompress", "-4", "--iter", "15", tmp], check=True)
    else:
        print("pack-zip.py: advzip (advancecomp) not found; the zip keeps zlib's deflate", file=sys.stderr)
    os.replace(tmp, target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: pack-zip.py DIR OUT.zip")
    main(sys.argv[1], sys.argv[2])
