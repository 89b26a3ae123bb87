// Adds lock entries for rollup's native packages of other platforms.
//
// Why: the npm mirror these machines use serves only the Linux builds of @rollup/rollup-*.
// `npm install` then silently leaves the other platforms' optional packages out of
// package-lock.json, and `npm ci` refuses the lock as "out of sync". An entry with the right
// `os`/`cpu`/`libc` lets `npm ci` see the package, decide it does not fit this machine and
// skip it, exactly as it would with a lock written against the public registry.
// Run after any `npm install` that rewrites package-lock.json: `node scripts/lock-platform-stubs.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;
const CPU = { 'arm-eabi': 'arm', 'arm-gnueabihf': 'arm', 'arm-musleabihf': 'arm' };

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const match = /^@rollup\/rollup-([a-z0-9]+)-(.+)$/.exec(name);
    const key = `node_modules/${name}`;
    if (!match || packages[key] || path !== 'node_modules/rollup') continue;
    const [, os, rest] = match;
    const arch = CPU[rest] ?? rest.split('-')[0];
    const entry = { version, cpu: [arch], dev: true, license: 'MIT', optional: true, os: [os] };
    if (os === 'linux') entry.libc = [rest.includes('musl') ? 'musl' : 'glibc'];
    packages[key] = entry;
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, 'en')));
writeFileSync(LOCK, JSON.stringify(lock, null, 2) + '\n');
console.log(`lock-platform-stubs: added ${added} entries`);
