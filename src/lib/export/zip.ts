import * as zlib from "node:zlib";

/** One file of an archive: its path inside the archive and its bytes. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** CRC-32 (ISO 3309, the zip format's checksum) by table, for Node before 20.15, which lacks `zlib.crc32`. */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function tableCrc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const crc32: (bytes: Uint8Array) => number = typeof zlib.crc32 === "function" ? (bytes) => zlib.crc32(bytes) : tableCrc32;

/**
 * A zip archive (PKWARE APPNOTE 6.3.10, no zip64) of the entries in the order given, each deflated,
 * every entry stamped 1 January of `year` at 00:00. Zip writers stamp each entry with the time of
 * writing, so the same content would give other bytes, and another SHA-256 in the API's index, in
 * every build; here the same entries always give the same bytes (deflate's output is fixed for a
 * given zlib, that of the Node the build runs on).
 */
export function zip(entries: readonly ZipEntry[], year: number): Uint8Array {
  // MS-DOS date and time: the format cannot hold years before 1980.
  const dosDate = ((Math.max(year, 1980) - 1980) << 9) | (1 << 5) | 1;
  const dosTime = 0;
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  if (entries.length > 0xffff) throw new Error("zip: more than 65,535 entries need zip64, which this writer does not write");
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const packed = zlib.deflateRawSync(data);
    const crc = crc32(data);
    if (data.length >= 0xffffffff || offset >= 0xffffffff) throw new Error(`zip: ${name} needs zip64, which this writer does not write`);
    // Bit 11: the name is UTF-8.
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : 0x0800;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0, deflate
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28); // no extra field (no extended timestamps either)
    locals.push(local, nameBytes, packed);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: MS-DOS host, 2.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(dosTime, 12);
    entry.writeUInt16LE(dosDate, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    // extra, comment, disk number, internal and external attributes: all 0
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);

    offset += local.length + nameBytes.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}
