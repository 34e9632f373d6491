/**
 * Readers for the packages `scripts/package.sh` writes, used by tests to
 * check them independently of Chromium: the CRX3 header (who signed it, for
 * which id) and single files inside the zip.
 */
import { createHash } from "node:crypto";
import { inflateRawSync } from "node:zlib";

/** The Chromium extension id for a DER SubjectPublicKeyInfo: SHA-256, 16 bytes, hex 0-f -> a-p. */
export function extensionIdFromPublicKey(der) {
  const hex = createHash("sha256").update(der).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode("a".charCodeAt(0) + parseInt(c, 16))).join("");
}

function readVarint(buf, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error("truncated varint");
    const byte = buf[pos++];
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [value, pos];
    shift += 7;
  }
}

/** Protobuf fields of one message: [{ field, bytes }] for length-delimited ones. */
function protobufFields(buf) {
  const fields = [];
  let pos = 0;
  while (pos < buf.length) {
    let tag;
    [tag, pos] = readVarint(buf, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 2) {
      let length;
      [length, pos] = readVarint(buf, pos);
      fields.push({ field, bytes: buf.subarray(pos, pos + length) });
      pos += length;
    } else if (wire === 0) {
      [, pos] = readVarint(buf, pos);
    } else {
      throw new Error(`unexpected protobuf wire type ${wire}`);
    }
  }
  return fields;
}

/**
 * Parses a CRX3 file: `{ rsaPublicKeys: Buffer[], crxId: string, zip: Buffer }`.
 * `crxId` is the id in the signed header data, as an extension id string.
 */
export function parseCrx3(buf) {
  if (buf.subarray(0, 4).toString("latin1") !== "Cr24") throw new Error("not a CRX file (no Cr24 magic)");
  const version = buf.readUInt32LE(4);
  if (version !== 3) throw new Error(`CRX version ${version}, expected 3`);
  const headerSize = buf.readUInt32LE(8);
  const header = buf.subarray(12, 12 + headerSize);
  const rsaPublicKeys = [];
  let crxId = null;
  for (const { field, bytes } of protobufFields(header)) {
    if (field === 2) {
      const key = protobufFields(bytes).find((f) => f.field === 1);
      if (key) rsaPublicKeys.push(Buffer.from(key.bytes));
    } else if (field === 10000) {
      const id = protobufFields(bytes).find((f) => f.field === 1);
      if (id) crxId = [...id.bytes.toString("hex")].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
    }
  }
  return { rsaPublicKeys, crxId, zip: buf.subarray(12 + headerSize) };
}

/** The bytes of one file in a zip archive, or null when absent. */
export function readZipEntry(zip, name) {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error("not a zip archive");
  const count = zip.readUInt16LE(end + 10);
  let pos = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(pos) !== 0x02014b50) throw new Error("bad zip central directory");
    const method = zip.readUInt16LE(pos + 10);
    const compressedSize = zip.readUInt32LE(pos + 20);
    const nameLength = zip.readUInt16LE(pos + 28);
    const extraLength = zip.readUInt16LE(pos + 30);
    const commentLength = zip.readUInt16LE(pos + 32);
    const localOffset = zip.readUInt32LE(pos + 42);
    const entryName = zip.subarray(pos + 46, pos + 46 + nameLength).toString("utf8");
    if (entryName === name) {
      const localNameLength = zip.readUInt16LE(localOffset + 26);
      const localExtraLength = zip.readUInt16LE(localOffset + 28);
      const start = localOffset + 30 + localNameLength + localExtraLength;
      const data = zip.subarray(start, start + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`unsupported zip compression method ${method}`);
    }
    pos += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}
