// Keeps `engines` in package.json true: every Node.js version it admits must be admitted by every
// package in package-lock.json (dependencies, dev dependencies and optional ones alike), so that a
// fresh `npm ci` or `npm install` on any of those versions prints no EBADENGINE warning.
// Run by `npm test`; exits 1 and names each package whose own `engines.node` is narrower.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The lockfile's packages whose `engines.node` does not cover `range`, as "name@version: theirs". */
export function narrowerEngines(lock, range) {
  const out = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '') continue;
    const theirs = entry.engines?.node;
    if (typeof theirs !== 'string') continue;
    if (!semver.subset(range, theirs, { includePrerelease: false })) {
      const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      out.push(`${name}@${entry.version}: node ${theirs}`);
    }
  }
  return [...new Set(out)].sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const range = manifest.engines?.node;
  if (!semver.validRange(range)) {
    console.error(`package.json engines.node is not a valid range: ${String(range)}`);
    process.exit(1);
  }
  const narrower = narrowerEngines(lock, range);
  if (narrower.length > 0) {
    console.error(`package.json says node ${range}, but these packages do not support all of it:`);
    for (const line of narrower) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log(`engines: every locked package supports node ${range}`);
}
