// The panel's statutory rules (panel.rules.ts) and the draw's algorithm (draw-algorithm.ts), directly.
import { describe, expect, it } from 'vitest';
import { beaconOf, drawOrder, eligibleOf, seedCommitmentOf, verifyDraw } from './draw-algorithm.js';
import { minusYears, panelSizeFor, panelSizeProblem, tieCounts } from './panel.rules.js';

describe('panel size and composition', () => {
  it('87号令 第四十七条: a tender panel is odd, at least 5; at least 7 from a budget of 10 million yuan', () => {
    expect(panelSizeFor('openTender', 18_000_000)).toMatchObject({ size: 5, expertSeats: 4 });
    expect(panelSizeFor('invitedTender', 999_999_999)).toMatchObject({ size: 5 });
    const large = panelSizeFor('openTender', 1_000_000_000)!;
    expect(large).toMatchObject({ size: 7, expertSeats: 5 });
    expect(large.source).toContain('第四十七条');
    expect(panelSizeProblem('openTender', 1_000_000_000, 5, 5)!.key).toBe('panel.sizeRule');
    expect(panelSizeProblem('openTender', 18_000_000, 6, 6)!.key).toBe('panel.sizeRule');
  });

  it('74号令 第七条, 财库〔2014〕214号 第十四条: groups of at least 3, odd; experts at least two thirds', () => {
    expect(panelSizeFor('competitiveNegotiation', 1)).toMatchObject({ size: 3, expertSeats: 2 });
    expect(panelSizeFor('competitiveConsultation', 1)!.source).toContain('第十四条');
    expect(panelSizeProblem('requestForQuotation', 1, 3, 1)!.key).toBe('panel.expertShareRule');
    expect(panelSizeProblem('requestForQuotation', 1, 5, 4)).toBeNull();
    expect(panelSizeFor('singleSource', 1)).toBeNull();
  });
});

describe('recusal ties (GPR 第九条)', () => {
  it('counts employment, a board seat or control within 3 years before the draw', () => {
    expect(minusYears('2026-10-30', 3)).toBe('2023-10-30');
    expect(minusYears('2028-02-29', 3)).toBe('2025-02-28');
    expect(tieCounts('employment', { startedOn: null, endedOn: '2023-10-30' }, '2026-10-30')).toBe(true);
    expect(tieCounts('boardSeat', { startedOn: null, endedOn: '2023-10-29' }, '2026-10-30')).toBe(false);
    expect(tieCounts('control', { startedOn: '2010-01-01', endedOn: null }, '2026-10-30')).toBe(true);
    expect(tieCounts('employment', { startedOn: '2027-01-01', endedOn: null }, '2026-10-30')).toBe(false);
  });

  it('counts close family of a principal and any other tie whenever declared', () => {
    expect(tieCounts('closeFamily', { startedOn: null, endedOn: '2001-01-01' }, '2026-10-30')).toBe(true);
    expect(tieCounts('other', { startedOn: null, endedOn: null }, '2026-10-30')).toBe(true);
  });
});

describe('gongshi-draw-v1 (docs/draw.md)', () => {
  const seed = '00'.repeat(31) + '01';
  const beacon = beaconOf([
    { logIndex: 9, commitment: 'bb'.repeat(32) },
    { logIndex: 3, commitment: 'aa'.repeat(32) },
  ]);
  const eligible = eligibleOf(['e5', 'e1', 'e3', 'e2', 'e4', 'e1'], ['e3']);

  it('sorts the eligible ids, hashes the commitments in log order, and is deterministic', () => {
    expect(eligible).toEqual(['e1', 'e2', 'e4', 'e5']);
    expect(beacon).toBe(
      beaconOf([
        { logIndex: 3, commitment: 'aa'.repeat(32) },
        { logIndex: 9, commitment: 'bb'.repeat(32) },
      ]),
    );
    const order = drawOrder({ seed, beacon, projectId: 'p-1', round: 1, eligible });
    expect([...order].sort()).toEqual(eligible);
    expect(drawOrder({ seed, beacon, projectId: 'p-1', round: 1, eligible })).toEqual(order);
    // The test vector docs/draw.md gives.
    expect(seedCommitmentOf(seed)).toBe('ec4916dd28fc4c10d78e287ca5d9cc51ee1ae73cbfde08c6b37324cbfaac8bc5');
    expect(order).toEqual(DOC_VECTOR_ORDER);
  });

  it('gives another order for another round, project or seed; a published draw verifies', () => {
    const order = drawOrder({ seed, beacon, projectId: 'p-1', round: 1, eligible });
    const other = (o: Partial<Parameters<typeof drawOrder>[0]>) =>
      drawOrder({ seed, beacon, projectId: 'p-1', round: 1, eligible: [...'abcdefghijklmnop'], ...o });
    expect(other({ round: 2 })).not.toEqual(other({}));
    expect(other({ projectId: 'p-2' })).not.toEqual(other({}));
    expect(other({ seed: '00'.repeat(31) + '02' })).not.toEqual(other({}));
    const evidence = {
      project: { id: 'p-1' },
      round: 1,
      expertSeats: 2,
      seed,
      seedCommitment: seedCommitmentOf(seed),
      beaconInputs: [
        { logIndex: 3, commitment: 'aa'.repeat(32) },
        { logIndex: 9, commitment: 'bb'.repeat(32) },
      ],
      beacon,
      candidates: ['e5', 'e1', 'e3', 'e2', 'e4'],
      exclusions: [{ expertId: 'e3', kind: 'employment' }],
      order,
      invitations: [
        { position: 1, expertId: order[0]!, outcome: 'confirmed' },
        { position: 2, expertId: order[1]!, outcome: 'declined' },
        { position: 3, expertId: order[2]!, outcome: 'confirmed' },
      ],
      panel: [{ expertId: order[0]! }, { expertId: order[2]! }],
    };
    expect(verifyDraw(evidence)).toEqual([]);
    expect(verifyDraw({ ...evidence, exclusions: [] }).join()).toContain('order');
    expect(verifyDraw({ ...evidence, seed: '00'.repeat(32) }).join()).toContain('commitment');
  });
});

const DOC_VECTOR_ORDER = ['e2', 'e5', 'e1', 'e4'];
