/**
 * Draws the extension's icon (a lens over a page's lines, on the brand blue) as PNGs at the
 * sizes the browsers and stores ask for, into public/icon/. Pure Node (zlib), no image tools, so
 * anyone can redraw it: `npx tsx scripts/make-icons.ts`. Output is deterministic.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const OUT = join(import.meta.dirname, '../public/icon');
const BLUE: RGB = [0x1d, 0x4e, 0xd8];
const WHITE: RGB = [0xff, 0xff, 0xff];
const PALE: RGB = [0xbf, 0xd3, 0xff];
type RGB = [number, number, number];

/** Colour and coverage of the design at a point in a unit square (0..1). */
function paint(x: number, y: number): [RGB, number] | null {
  // Rounded square background.
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return null;
  // Lens: ring centred at (0.44, 0.42).
  const cx = 0.44, cy = 0.42;
  const d = Math.hypot(x - cx, y - cy);
  if (d > 0.21 && d < 0.29) return [WHITE, 1];
  // Handle: a thick segment towards the lower right.
  const t = Math.max(0, Math.min(1, ((x - 0.63) * 0.7 + (y - 0.61) * 0.7) / (0.2 * 0.98)));
  const hx = 0.63 + 0.14 * t, hy = 0.61 + 0.14 * t;
  if (Math.hypot(x - hx, y - hy) < 0.065) return [WHITE, 1];
  // Text lines seen through the lens.
  if (d <= 0.21) {
    for (const ly of [0.35, 0.42, 0.49]) if (Math.abs(y - ly) < 0.018 && Math.abs(x - cx) < 0.13) return [PALE, 1];
  }
  return [BLUE, 1];
}

function png(size: number): Buffer {
  const SS = 4; // supersampling per axis, for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) {
          const p = paint((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size);
          if (!p) continue;
          r += p[0][0]; g += p[0][1]; b += p[0][2]; a += 1;
        }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      const n = SS * SS;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((255 * a) / n);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

mkdirSync(OUT, { recursive: true });
for (const s of SIZES) writeFileSync(join(OUT, `${s}.png`), png(s));
console.log(`wrote ${SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
