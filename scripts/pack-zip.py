#!/usr/bin/env python3
"""Packs a folder into a zip with sorted entries and fixed timestamps, so the
same inputs always give the same bytes. Usage: pack-zip.py DIR OUT.zip"""
import os
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
    os.replace(tmp, target)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: pack-zip.py DIR OUT.zip")
    main(sys.argv[1], sys.argv[2])
