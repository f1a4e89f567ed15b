#!/usr/bin/env node
// Independent verifier of a Gongshi panel draw (gongshi-draw-v1), written from docs/draw.md alone.
// Node built-ins only; no Gongshi code. Usage:
//   node verify-draw.mjs <file.json | https://…/api/v1/records/<id>>
// The input is the published `panelDraw` record as the API serves it (or its `content` alone). Given a
// URL, the seed commitment record it names is fetched from the same server and compared as well.
// Exit 0: every check holds (the panel is printed); 1: a check failed; 2: bad usage or input.
/* global console, fetch, URL */
import { Buffer } from 'node:buffer';
import { createHash, createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import process from 'node:process';

const HEX64 = /^[0-9a-f]{64}$/;

function sha256(bytes) {
  return createHash('sha256').update(bytes).digest();
}

function u32be(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/** docs/draw.md §3: SHA-256 over the 32-byte commitments in ascending log index. */
export function beacon(inputs) {
  const sorted = [...inputs].sort((a, b) => a.logIndex - b.logIndex);
  return sha256(Buffer.concat(sorted.map((i) => Buffer.from(i.commitment, 'hex')))).toString('hex');
}

/** docs/draw.md §4–5: eligible ids sorted by code unit, Fisher–Yates driven by HMAC-SHA256 blocks. */
export function order({ seed, beaconHex, projectId, round, candidates, excluded }) {
  const out = new Set(excluded);
  const a = [...new Set(candidates)]
    .filter((id) => !out.has(id))
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const key = Buffer.from(seed, 'hex');
  const prefix = Buffer.concat([
    Buffer.from(beaconHex, 'hex'),
    Buffer.from(projectId, 'utf8'),
    Buffer.from([0]),
    u32be(round),
  ]);
  let counter = 0;
  const next = () =>
    createHmac('sha256', key)
      .update(Buffer.concat([prefix, u32be(counter++)]))
      .digest()
      .readUInt32BE(0);
  for (let i = a.length - 1; i > 0; i--) {
    const n = i + 1;
    const limit = Math.floor(4294967296 / n) * n;
    let x = next();
    while (x >= limit) x = next();
    const j = x % n;
    const tmp = a[i];
    a[i] = a[j];
    a[j] = tmp;
  }
  return a;
}

export function check(c) {
  const fails = [];
  if (c.algorithm !== 'gongshi-draw-v1') fails.push(`unknown algorithm ${c.algorithm}`);
  if (!HEX64.test(c.seed ?? '')) fails.push('seed is not 64 hex digits');
  else if (sha256(Buffer.from(c.seed, 'hex')).toString('hex') !== c.seedCommitment)
    fails.push('SHA-256(seed) differs from the seed commitment');
  const b = beacon(c.beaconInputs);
  if (b !== c.beacon) fails.push('the beacon does not match the bid commitments');
  if (fails.length > 0) return { fails, order: [] };
  const o = order({
    seed: c.seed,
    beaconHex: b,
    projectId: c.project.id,
    round: c.round,
    candidates: c.candidates,
    excluded: c.exclusions.map((x) => x.expertId),
  });
  if (o.join(',') !== c.order.join(',')) fails.push('the recomputed order differs from the published order');
  c.invitations.forEach((inv, i) => {
    if (inv.position !== i + 1 || inv.expertId !== o[i])
      fails.push(`invitation ${i + 1} is not the next in the order`);
  });
  const confirmed = c.invitations.filter((i) => i.outcome === 'confirmed').map((i) => i.expertId);
  if (confirmed.join(',') !== c.panel.map((p) => p.expertId).join(','))
    fails.push('the panel is not the confirmed invitations in order');
  if (confirmed.length !== c.expertSeats) fails.push('the panel does not fill its expert seats');
  return { fails, order: o };
}

async function load(source) {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`${source}: HTTP ${res.status}`);
    return res.json();
  }
  return JSON.parse(await readFile(source, 'utf8'));
}

async function main(argv) {
  const source = argv[0];
  if (!source || argv.length > 1) {
    console.error('usage: verify-draw.mjs <panelDraw record JSON file | URL>');
    return 2;
  }
  let doc;
  try {
    doc = await load(source);
  } catch (e) {
    console.error(`cannot read ${source}: ${e.message}`);
    return 2;
  }
  if (doc.kind !== undefined && doc.kind !== 'panelDraw') {
    console.error(`not a panelDraw record: ${doc.kind}`);
    return 2;
  }
  const content = doc.content ?? doc;
  const { fails } = check(content);
  if (/^https?:\/\//.test(source)) {
    const committed = await load(new URL(`/api/v1/records/${content.commitmentRecordId}`, source).href);
    if (
      committed.kind !== 'panelDrawCommitment' ||
      committed.content.seedCommitment !== content.seedCommitment
    )
      fails.push('the seed commitment record does not commit to this seed');
    else if (committed.publishedAt >= content.drawnAt) fails.push('the seed was committed after the draw');
  }
  if (fails.length > 0) {
    for (const f of fails) console.log(`FAIL: ${f}`);
    return 1;
  }
  console.log(`OK: ${content.project.title}, round ${content.round}: the panel recomputes`);
  for (const p of content.panel) console.log(`  ${p.name} (${p.employer})`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`)
  main(process.argv.slice(2)).then((code) => process.exit(code));
