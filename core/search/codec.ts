/**
 * Compact encodings for the prebuilt index: unsigned LEB128 varints in a growable byte buffer,
 * and base64 (pure TypeScript: core/ may not use atob, btoa or Buffer).
 */

export class ByteWriter {
  buf = new Uint8Array(1024);
  length = 0;
  private grow(need: number): void {
    if (this.length + need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  byte(b: number): void {
    this.grow(1);
    this.buf[this.length++] = b;
  }
  varint(v: number): void {
    this.grow(5);
    let x = v >>> 0;
    while (x >= 0x80) {
      this.buf[this.length++] = (x & 0x7f) | 0x80;
      x >>>= 7;
    }
    this.buf[this.length++] = x;
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Every value of `values` as a varint. */
export function encodeVarints(values: ArrayLike<number>): Uint8Array {
  const w = new ByteWriter();
  for (let i = 0; i < values.length; i++) w.varint(values[i]!);
  return w.bytes();
}

/** Decodes `count` varints; throws on a truncated stream. */
export function decodeVarints(bytes: Uint8Array, count: number): Uint32Array {
  const out = new Uint32Array(count);
  let p = 0;
  for (let i = 0; i < count; i++) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      if (p >= bytes.length) throw new Error('index data is truncated');
      b = bytes[p++]!;
      v |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80 && shift < 35);
    out[i] = v >>> 0;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Uint8Array(128).fill(255);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 3 * 4096;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let s = '';
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      s += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
    }
    if (i < end) {
      const n = (bytes[i]! << 16) | ((i + 1 < end ? bytes[i + 1]! : 0) << 8);
      s += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + (i + 1 < end ? ALPHABET[(n >> 6) & 63]! : '=') + '=';
    }
    parts.push(s);
  }
  return parts.join('');
}

export function fromBase64(s: string): Uint8Array {
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--; // '='
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let i = 0;
  const d = (k: number) => {
    const c = s.charCodeAt(k);
    const v = c < 128 ? DECODE[c]! : 255;
    if (v === 255) throw new Error('index data is not base64');
    return v;
  };
  for (; i + 3 < len; i += 4) {
    const n = (d(i) << 18) | (d(i + 1) << 12) | (d(i + 2) << 6) | d(i + 3);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = len - i;
  if (rest === 2 || rest === 3) {
    const n = (d(i) << 18) | (d(i + 1) << 12) | (rest === 3 ? d(i + 2) << 6 : 0);
    out[o++] = n >> 16;
    if (rest === 3) out[o++] = (n >> 8) & 255;
  } else if (rest === 1) throw new Error('index data is not base64');
  return out;
}
