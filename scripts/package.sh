#!/usr/bin/env bash
# Packages the built extension for self-hosted, policy-driven deployment.
#
#   scripts/package.sh --key KEY.pem --update-url URL [--source DIR] [--xpi FILE] [--out DIR]
#   (or SOTORKO_SIGNING_KEY=KEY.pem SOTORKO_UPDATE_URL=URL scripts/package.sh)
#
# Called by `./build.sh package` after the build. From dist/extension/ it writes
# into dist/package/:
#   sotorko-VERSION.crx       CRX3 signed with the administrator's RSA key; the
#                             manifest "key" is replaced with that key's public
#                             half, so the organisation's own key gives its own id,
#                             and "update_url" is set to the self-hosted updates.xml,
#                             so Chrome and Edge keep checking it after the install
#   updates.xml               gupdate manifest for the self-hosted update URL
#   sotorko-VERSION.xpi       the Firefox package (unsigned; see docs/deploy.md)
#   extension-id.txt          the Chromium/Edge extension id
#   windows/                  the ADMX/ADML templates with this id filled in
#   policies/                 example policy files (Windows .reg, Linux JSON,
#                             Firefox policies.json) with this id and URL
#   SHA256SUMS                sha256sum-format checksums of everything above
# and prints the extension id. The private key is only read; a PKCS#8 form of
# it exists only in a private temporary folder that is removed at exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KEY=${SOTORKO_SIGNING_KEY:-}
UPDATE_URL=${SOTORKO_UPDATE_URL:-}
SOURCE="$ROOT/dist/extension"
OUT="$ROOT/dist/package"
XPI=""

die() { echo "package.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --key) [ $# -ge 2 ] || die "--key needs a file"; KEY=$2; shift 2 ;;
    --key=*) KEY=${1#*=}; shift ;;
    --update-url) [ $# -ge 2 ] || die "--update-url needs a URL"; UPDATE_URL=$2; shift 2 ;;
    --update-url=*) UPDATE_URL=${1#*=}; shift ;;
    --source) [ $# -ge 2 ] || die "--source needs a folder"; SOURCE=$2; shift 2 ;;
    --xpi) [ $# -ge 2 ] || die "--xpi needs a file"; XPI=$2; shift 2 ;;
    --out) [ $# -ge 2 ] || die "--out needs a folder"; OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

[ -n "$KEY" ] || die "no signing key: pass --key KEY.pem or set SOTORKO_SIGNING_KEY (create one with: openssl genrsa -out KEY.pem 2048)"
[ -f "$KEY" ] || die "signing key '$KEY' does not exist"
[ -n "$UPDATE_URL" ] || die "no update URL: pass --update-url URL or set SOTORKO_UPDATE_URL (e.g. https://intranet.example.gov.bd/sotorko/updates.xml)"
case "$UPDATE_URL" in
  http://*|https://*) ;;
  *) die "update URL '$UPDATE_URL' must start with http:// or https://" ;;
esac
[ -f "$SOURCE/manifest.json" ] || die "no built extension at '$SOURCE' (run ./build.sh first)"
command -v openssl >/dev/null || die "openssl is required"
command -v node >/dev/null || die "node is required"
# The real binary when Debian's /usr/bin/chromium shell wrapper is installed; SOTORKO_CHROMIUM overrides.
CHROMIUM=${SOTORKO_CHROMIUM:-}
[ -n "$CHROMIUM" ] || { [ -x /usr/lib/chromium/chromium ] && CHROMIUM=/usr/lib/chromium/chromium; } || true
[ -n "$CHROMIUM" ] || CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$CHROMIUM" ] || die "chromium is required to sign the CRX (apt-get install chromium)"

KEY_TYPE=$(openssl pkey -in "$KEY" -noout -text 2>/dev/null | head -n 1 || true)
case "$KEY_TYPE" in
  *"Private-Key"*) ;;
  *) die "'$KEY' is not a readable, unencrypted PEM private key (decrypt a protected key first: openssl pkcs8 -topk8 -nocrypt -in KEY -out PLAIN.pem)" ;;
esac
case "$KEY_TYPE" in
  *RSA*) ;;
  *) openssl rsa -in "$KEY" -noout 2>/dev/null || die "'$KEY' is not an RSA key; Chromium signs CRX packages with RSA (openssl genrsa -out KEY.pem 2048)" ;;
esac

# The update URL is the address of updates.xml; the CRX sits beside it.
case "$UPDATE_URL" in
  *.xml) XML_URL=$UPDATE_URL ;;
  */) XML_URL="${UPDATE_URL}updates.xml" ;;
  *) XML_URL="$UPDATE_URL/updates.xml" ;;
esac
BASE_URL=${XML_URL%/*}

WORK=$(mktemp -d)
cleanup() { rm -rf "$WORK" 2>/dev/null || { sleep 1; rm -rf "$WORK"; }; }
trap cleanup EXIT

# Chromium reads only unencrypted PKCS#8 PEM keys; convert (e.g. from a
# traditional "BEGIN RSA PRIVATE KEY" file) into the private temp folder.
umask 077
openssl pkcs8 -topk8 -nocrypt -in "$KEY" -out "$WORK/signing-key.pem" 2>/dev/null \
  || die "could not read '$KEY' as an unencrypted private key (decrypt it first: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pkcs8.pem)"
umask 022

# Public key (DER, SubjectPublicKeyInfo) -> manifest key and extension id.
openssl pkey -in "$KEY" -pubout -outform DER -out "$WORK/public.der" 2>/dev/null \
  || die "could not derive the public key from '$KEY'"
PUBLIC_B64=$(openssl base64 -A -in "$WORK/public.der")
EXT_ID=$(openssl dgst -sha256 -binary "$WORK/public.der" | head -c 16 | od -An -tx1 -v | tr -d ' \n' | tr '0-9a-f' 'a-p')

mkdir -p "$WORK/sotorko"
cp -R "$SOURCE/." "$WORK/sotorko/"
# After the first install Chrome and Edge look for updates at the manifest's own
# update_url (the Chrome Web Store when there is none) unless the policy sets
# override_update_url; so the packaged manifest names the self-hosted updates.xml.
VERSION=$(PUBLIC_B64="$PUBLIC_B64" XML_URL="$XML_URL" node -e '
  const fs = require("fs");
  const path = process.argv[1];
  const manifest = JSON.parse(fs.readFileSync(path, "utf8"));
  manifest.key = process.env.PUBLIC_B64;
  manifest.update_url = process.env.XML_URL;
  fs.writeFileSync(path, JSON.stringify(manifest, null, 2) + "\n");
  process.stdout.write(manifest.version);
' "$WORK/sotorko/manifest.json")
[ -n "$VERSION" ] || die "manifest.json has no version"

# Chromium signs the CRX3; HOME points at a throwaway folder so no profile is left.
mkdir -p "$WORK/home"
HOME="$WORK/home" "$CHROMIUM" --headless --no-sandbox --disable-gpu \
  --user-data-dir="$WORK/home/profile" \
  --pack-extension="$WORK/sotorko" --pack-extension-key="$WORK/signing-key.pem" >"$WORK/pack.log" 2>&1 || true
if [ ! -s "$WORK/sotorko.crx" ]; then
  cat "$WORK/pack.log" >&2
  die "chromium did not produce a CRX"
fi
if [ "$(head -c 4 "$WORK/sotorko.crx")" != "Cr24" ] || [ "$(od -An -tu4 -j4 -N4 "$WORK/sotorko.crx" | tr -d ' ')" != "3" ]; then
  die "chromium produced something other than a CRX3 package"
fi

# Replace an earlier package, but never a folder that is something else.
if [ -d "$OUT" ] && [ -n "$(ls -A "$OUT")" ] && [ ! -f "$OUT/extension-id.txt" ]; then
  die "'$OUT' exists and is not an earlier package folder; choose another --out"
fi
rm -rf "$OUT"
mkdir -p "$OUT"
CRX_NAME="sotorko-$VERSION.crx"
XPI_NAME="sotorko-$VERSION.xpi"
cp "$WORK/sotorko.crx" "$OUT/$CRX_NAME"
chmod 644 "$OUT/$CRX_NAME"

xml_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e "s/'/\&apos;/g" -e 's/"/\&quot;/g'; }
CODEBASE=$(printf '%s/%s' "$BASE_URL" "$CRX_NAME" | xml_escape)
cat >"$OUT/updates.xml" <<EOF
<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='$EXT_ID'>
    <updatecheck codebase='$CODEBASE' version='$VERSION' />
  </app>
</gupdate>
EOF

# Firefox: the unsigned XPI from the build, or a fresh one from the source folder.
[ -n "$XPI" ] || XPI="$(dirname "$SOURCE")/sotorko-$VERSION-firefox.xpi"
if [ -f "$XPI" ]; then
  cp "$XPI" "$OUT/$XPI_NAME"
else
  python3 "$ROOT/scripts/pack-zip.py" "$SOURCE" "$OUT/$XPI_NAME"
fi

printf '%s\n' "$EXT_ID" >"$OUT/extension-id.txt"

# Group Policy templates and example policy files with this organisation's id
# and URLs filled in (deploy/tools/generate.mjs writes the originals).
if [ -f "$ROOT/deploy/windows/template-extension-id.txt" ]; then
  EXT_ID="$EXT_ID" BASE_URL="$BASE_URL" DEPLOY="$ROOT/deploy" OUT="$OUT" node --input-type=module -e '
    import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
    import { dirname, join } from "node:path";
    const { EXT_ID, BASE_URL, DEPLOY, OUT } = process.env;
    const { TEMPLATE_EXTENSION_ID, EXAMPLE_UPDATE_BASE } = await import(join(DEPLOY, "tools", "generate.mjs"));
    const copies = {
      "windows/sotorko.admx": "windows/sotorko.admx",
      "windows/en-US/sotorko.adml": "windows/en-US/sotorko.adml",
      "windows/bn-BD/sotorko.adml": "windows/bn-BD/sotorko.adml",
      "windows/chrome.reg": "policies/windows/chrome.reg",
      "windows/edge.reg": "policies/windows/edge.reg",
      "linux/chromium/sotorko.json": "policies/linux/etc/chromium/policies/managed/sotorko.json",
      "linux/chrome/sotorko.json": "policies/linux/etc/opt/chrome/policies/managed/sotorko.json",
      "linux/edge/sotorko.json": "policies/linux/etc/opt/edge/policies/managed/sotorko.json",
      "firefox/policies.json": "policies/firefox/policies.json",
    };
    for (const [from, to] of Object.entries(copies)) {
      const raw = readFileSync(join(DEPLOY, from));
      const utf16 = raw[0] === 0xff && raw[1] === 0xfe;
      let text = utf16 ? raw.subarray(2).toString("utf16le") : raw.toString("utf8");
      text = text.split(TEMPLATE_EXTENSION_ID).join(EXT_ID).split(EXAMPLE_UPDATE_BASE).join(BASE_URL);
      const out = utf16 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]) : Buffer.from(text, "utf8");
      mkdirSync(dirname(join(OUT, to)), { recursive: true });
      writeFileSync(join(OUT, to), out);
    }
  ' || die "could not write the policy templates"
fi

(cd "$OUT" && find . -type f ! -name SHA256SUMS -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum >SHA256SUMS)

cat <<EOF
Packaged Sotorko $VERSION into $OUT
  CRX3:         $CRX_NAME (serve it at $BASE_URL/$CRX_NAME)
  update URL:   $XML_URL   (serve updates.xml there; use it as update_url in ExtensionSettings)
  Firefox XPI:  $XPI_NAME
  checksums:    SHA256SUMS
Extension id: $EXT_ID
EOF
