/**
 * A minimal ZIP reader and writer (no dependency: node:zlib only), enough to make the store
 * archives reproducible. WXT's `wxt zip` (JSZip) stamps every entry with the time of the build and
 * lists files in the order the file system returns them, so two builds of one commit differ.
 * `normalizeZip` rewrites an archive with its entries sorted by name and one fixed timestamp,
 * keeping each entry's compressed bytes as they are (so the contents are exactly WXT's).
 * No ZIP64: store archives are a few hundred KB.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc: number;
  size: number;
  /** The entry's data as stored in the archive (deflated when method is 8). */
  raw: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a ZIP archive, in the order its central directory lists them. */
export function readZip(buf: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a ZIP archive (no end-of-central-directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== CENTRAL) throw new Error(`damaged ZIP: central entry ${n} at ${p}`);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (buf.readUInt32LE(local) !== LOCAL) throw new Error(`damaged ZIP: local header of ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    entries.push({ name, method, crc, size, raw: buf.subarray(start, start + csize) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** An entry's uncompressed bytes, checked against its CRC. */
export function entryData(e: ZipEntry): Buffer {
  const data = e.method === 0 ? e.raw : e.method === 8 ? inflateRawSync(e.raw) : undefined;
  if (!data) throw new Error(`${e.name}: unsupported compression method ${e.method}`);
  if (data.length !== e.size || crc32(data) >>> 0 !== e.crc >>> 0) throw new Error(`${e.name}: CRC or size mismatch`);
  return data;
}

/** MS-DOS date and time fields (UTC, 2-second resolution, years 1980–2107). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getUTCFullYear(), 1980), 2107);
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** Writes `entries` in the order given, every one stamped with `mtime`, with no extra fields. */
export function writeZip(entries: readonly ZipEntry[], mtime: Date): Buffer {
  const { time, date } = dosDateTime(mtime);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const flags = /[^\x20-\x7e]/.test(e.name) ? 0x0800 : 0; // bit 11: the name is UTF-8
    const head = Buffer.alloc(30);
    head.writeUInt32LE(LOCAL, 0);
    head.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    head.writeUInt16LE(flags, 6);
    head.writeUInt16LE(e.method, 8);
    head.writeUInt16LE(time, 10);
    head.writeUInt16LE(date, 12);
    head.writeUInt32LE(e.crc >>> 0, 14);
    head.writeUInt32LE(e.raw.length, 18);
    head.writeUInt32LE(e.size, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    locals.push(head, name, e.raw);

    const c = Buffer.alloc(46);
    c.writeUInt32LE(CENTRAL, 0);
    c.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0 (no Unix permissions to vary between machines)
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(flags, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt16LE(time, 12);
    c.writeUInt16LE(date, 14);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.raw.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(e.name.endsWith('/') ? 0x10 : 0, 38); // DOS directory attribute
    c.writeUInt32LE(offset, 42);
    centrals.push(c, name);
    offset += head.length + name.length + e.raw.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Byte order of UTF-8 names, the same on every machine and locale. */
export const byName = (a: ZipEntry, b: ZipEntry): number => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));

/**
 * The archive rewritten reproducibly: entries sorted by name, all stamped `mtime`, only those
 * `keep` accepts. The compressed data is copied, not recompressed.
 */
export function normalizeZip(buf: Buffer, mtime: Date, keep: (name: string) => boolean = () => true): Buffer {
  return writeZip(readZip(buf).filter((e) => keep(e.name)).sort(byName), mtime);
}
