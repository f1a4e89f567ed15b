// The draw's published algorithm, gongshi-draw-v1 (docs/draw.md specifies it byte for byte). Pure and
// self-contained (node:crypto only) so that the use-case, the public page and `gongshi verify-draw` run
// the same code; tools/draw-verifier/verify-draw.mjs is an independent rewrite from docs/draw.md.
import { createHash, createHmac } from 'node:crypto';

const HEX64 = /^[0-9a-f]{64}$/;

/** seedCommitment = SHA-256(seed bytes), lowercase hex. */
export function seedCommitmentOf(seedHex: string): string {
  if (!HEX64.test(seedHex)) throw new Error('seed: 64 lowercase hex digits expected');
  return createHash('sha256').update(Buffer.from(seedHex, 'hex')).digest('hex');
}

/** beacon = SHA-256 over the bid commitments (32 bytes each) in ascending log index. */
export function beaconOf(bids: readonly { logIndex: number; commitment: string }[]): string {
  const sorted = [...bids].sort((a, b) => a.logIndex - b.logIndex);
  const h = createHash('sha256');
  for (const b of sorted) {
    if (!HEX64.test(b.commitment)) throw new Error(`commitment at ${b.logIndex}: 64 hex digits expected`);
    h.update(Buffer.from(b.commitment, 'hex'));
  }
  return h.digest('hex');
}

/** Candidates less the excluded, in ascending code-unit order of their ids (the order drawn from). */
export function eligibleOf(candidates: readonly string[], excluded: readonly string[]): string[] {
  const out = new Set(excluded);
  return [...new Set(candidates)].filter((id) => !out.has(id)).sort(compareIds);
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The random stream: block n = HMAC-SHA256(seed, beacon ‖ projectId ‖ 0x00 ‖ u32be(round) ‖ u32be(n)). */
function stream(seedHex: string, beaconHex: string, projectId: string, round: number) {
  let counter = 0;
  const prefix = Buffer.concat([
    Buffer.from(beaconHex, 'hex'),
    Buffer.from(projectId, 'utf8'),
    Buffer.from([0]),
    u32(round),
  ]);
  const key = Buffer.from(seedHex, 'hex');
  return () => {
    const block = createHmac('sha256', key)
      .update(Buffer.concat([prefix, u32(counter++)]))
      .digest();
    return block.readUInt32BE(0);
  };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

/**
 * The order in which experts are invited: Fisher–Yates over the eligible ids (sorted), from the last
 * place down, each j uniform in [0, i] by rejection sampling over 32-bit values of the stream.
 */
export function drawOrder(input: {
  seed: string;
  beacon: string;
  projectId: string;
  round: number;
  eligible: readonly string[];
}): string[] {
  if (!HEX64.test(input.seed) || !HEX64.test(input.beacon)) throw new Error('seed and beacon: 64 hex digits');
  const next = stream(input.seed, input.beacon, input.projectId, input.round);
  const a = [...input.eligible];
  for (let i = a.length - 1; i > 0; i--) {
    const bound = i + 1;
    const limit = Math.floor(0x1_0000_0000 / bound) * bound;
    let x = next();
    while (x >= limit) x = next();
    const j = x % bound;
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** What a published panelDraw record holds, as far as recomputing it needs. */
export interface DrawEvidence {
  project: { id: string };
  round: number;
  expertSeats: number;
  seed: string;
  seedCommitment: string;
  beaconInputs: { logIndex: number; commitment: string }[];
  beacon: string;
  candidates: string[];
  exclusions: { expertId: string; kind: string }[];
  order: string[];
  invitations: { position: number; expertId: string; outcome: string }[];
  panel: { expertId: string }[];
}

/** Every check anyone can make on a published draw; an empty list means it matches. */
export function verifyDraw(e: DrawEvidence): string[] {
  const problems: string[] = [];
  if (seedCommitmentOf(e.seed) !== e.seedCommitment) problems.push('seed does not match its commitment');
  const beacon = beaconOf(e.beaconInputs);
  if (beacon !== e.beacon) problems.push('beacon does not match the bid commitments');
  const eligible = eligibleOf(
    e.candidates,
    e.exclusions.map((x) => x.expertId),
  );
  const order = drawOrder({ seed: e.seed, beacon, projectId: e.project.id, round: e.round, eligible });
  if (order.join(',') !== e.order.join(',')) problems.push('order differs from the recomputed order');
  e.invitations.forEach((inv, i) => {
    if (inv.position !== i + 1 || order[i] !== inv.expertId)
      problems.push(`invitation ${i + 1} is not the next expert in the order`);
  });
  const confirmed = e.invitations.filter((i) => i.outcome === 'confirmed').map((i) => i.expertId);
  if (confirmed.join(',') !== e.panel.map((p) => p.expertId).join(','))
    problems.push('panel is not the confirmed invitations');
  if (confirmed.length !== e.expertSeats) problems.push('panel does not fill its expert seats');
  return problems;
}
