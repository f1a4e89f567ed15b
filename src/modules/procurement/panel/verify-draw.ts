// `gongshi verify-draw <file or URL>`: recomputes a published panel draw (docs/draw.md) from its public
// record alone — the seed against its commitment, the beacon from the bid commitments, the order, the
// invitations and the panel — and, given a URL, checks the commitment record on the same server too.
import { readFile } from 'node:fs/promises';
import { verifyDraw, type DrawEvidence } from './draw-algorithm.js';

export interface DrawVerification {
  ok: boolean;
  problems: string[];
  title: string;
  panel: { name: string; employer: string }[];
}

type Published = Omit<DrawEvidence, 'project' | 'panel'> & {
  project: { id: string; title: string };
  commitmentRecordId: string;
  drawnAt: string;
  panel: { expertId: string; name: string; employer: string }[];
};

async function load(source: string): Promise<unknown> {
  if (/^https?:\/\//.test(source)) {
    const res = await fetch(source, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`${source}: HTTP ${res.status}`);
    return res.json();
  }
  return JSON.parse(await readFile(source, 'utf8')) as unknown;
}

export async function verifyDrawRecord(source: string): Promise<DrawVerification> {
  const doc = (await load(source)) as { kind?: string; content?: unknown };
  if (doc.kind !== undefined && doc.kind !== 'panelDraw')
    throw new Error(`not a panelDraw record: ${doc.kind}`);
  const c = (doc.content ?? doc) as Published;
  let problems: string[];
  try {
    problems = verifyDraw(c);
  } catch (e) {
    problems = [e instanceof Error ? e.message : String(e)];
  }
  if (/^https?:\/\//.test(source)) {
    const committed = (await load(new URL(`/api/v1/records/${c.commitmentRecordId}`, source).href)) as {
      kind: string;
      publishedAt: string;
      content: { seedCommitment: string };
    };
    if (committed.kind !== 'panelDrawCommitment' || committed.content.seedCommitment !== c.seedCommitment)
      problems.push('the seed commitment record does not commit to this seed');
    else if (committed.publishedAt >= c.drawnAt) problems.push('the seed was committed after the draw');
  }
  return {
    ok: problems.length === 0,
    problems,
    title: c.project.title,
    panel: c.panel.map((p) => ({ name: p.name, employer: p.employer })),
  };
}
