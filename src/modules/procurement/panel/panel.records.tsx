// The draw's two public records (issue 13 §2): the seed's commitment, published before the response
// deadline, and the draw itself, published with the result notice (revealDraw) — the seed, the beacon's
// inputs, the candidates, the exclusions, the order and the panel, so that anyone can recompute it
// (docs/draw.md; tools/draw-verifier).
import { Type, type Static } from 'typebox';
import { defineRecordKind } from '../../../platform/publish/record-kinds.js';
import {
  Fields,
  Instant,
  NameLink,
  projectHref,
  RecordLink,
  Source,
  Table,
  line,
} from '../../../platform/publish/record-parts.js';
import { registerMessages } from '../../../platform/views/i18n.js';
import { panelMessages, panelRecordMessages } from './panel.messages.js';

const Hex = Type.String({ pattern: '^[0-9a-f]{64}$' });
const ProjectRef = Type.Object({ id: Type.String(), title: Type.String() });

export const PanelDrawCommitmentContent = Type.Object({
  project: ProjectRef,
  round: Type.Integer({ minimum: 1 }),
  size: Type.Integer({ minimum: 1 }),
  expertSeats: Type.Integer({ minimum: 1 }),
  rule: Type.String(),
  seedCommitment: Hex,
  algorithm: Type.Literal('gongshi-draw-v1'),
  committedAt: Type.String(),
});

export const PanelDrawContent = Type.Object({
  project: ProjectRef,
  round: Type.Integer({ minimum: 1 }),
  algorithm: Type.Literal('gongshi-draw-v1'),
  commitmentRecordId: Type.String(),
  seedCommitment: Hex,
  seed: Hex,
  beaconInputs: Type.Array(Type.Object({ logIndex: Type.Integer(), commitment: Hex })),
  beacon: Hex,
  domain: Type.String(),
  drawnOn: Type.String(),
  drawnAt: Type.String(),
  expertSeats: Type.Integer({ minimum: 1 }),
  candidates: Type.Array(Type.String()),
  exclusions: Type.Array(Type.Object({ expertId: Type.String(), kind: Type.String() })),
  order: Type.Array(Type.String()),
  invitations: Type.Array(
    Type.Object({ position: Type.Integer(), expertId: Type.String(), outcome: Type.String() }),
  ),
  panel: Type.Array(Type.Object({ expertId: Type.String(), name: Type.String(), employer: Type.String() })),
  sources: Type.Object({ draw: Type.String(), recusal: Type.String() }),
});

declare module '../../../platform/publish/record-kinds.js' {
  interface RecordContents {
    panelDrawCommitment: Static<typeof PanelDrawCommitmentContent>;
    panelDraw: Static<typeof PanelDrawContent>;
  }
}

registerMessages(panelRecordMessages);
registerMessages(panelMessages);

defineRecordKind({
  kind: 'panelDrawCommitment',
  schema: PanelDrawCommitmentContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          [t('record.panel.project'), <NameLink href={projectHref(c.project.id)} name={c.project.title} />],
          [t('record.panel.round'), String(c.round)],
          [t('record.panel.size'), t('record.panel.sizeValue', { size: c.size, experts: c.expertSeats })],
          [t('record.panel.seedCommitment'), <code>{c.seedCommitment}</code>],
          [t('record.panel.algorithm'), <code>{c.algorithm}</code>],
          [t('record.panel.committedAt'), <Instant t={t} at={c.committedAt} />],
        ]}
      />
      <Source t={t} source={c.rule} />
      <p>
        <a href={`${projectHref(c.project.id)}/draw`}>{t('record.panel.checkDraw')}</a>
      </p>
    </>
  ),
  summary: (c, t) =>
    line(c.project.title, t('record.panel.sizeValue', { size: c.size, experts: c.expertSeats }), c.algorithm),
});

defineRecordKind({
  kind: 'panelDraw',
  schema: PanelDrawContent,
  render: (c, t) => (
    <>
      <Fields
        items={[
          [t('record.panel.project'), <NameLink href={projectHref(c.project.id)} name={c.project.title} />],
          [t('record.panel.round'), String(c.round)],
          [t('record.panel.commitment'), <RecordLink t={t} id={c.commitmentRecordId} />],
          [t('record.panel.seed'), <code>{c.seed}</code>],
          [t('record.panel.beacon'), <code>{c.beacon}</code>],
          [t('record.panel.drawnOn'), c.drawnOn],
          [
            t('record.panel.counts'),
            t('record.panel.countsValue', {
              candidates: c.candidates.length,
              excluded: c.exclusions.length,
            }),
          ],
        ]}
      />
      <Table
        caption={t('record.panel.members')}
        head={[t('record.panel.position'), t('record.panel.name'), t('record.panel.employer')]}
        rows={c.panel.map((p) => [String(c.order.indexOf(p.expertId) + 1), p.name, p.employer])}
      />
      <Table
        caption={t('record.panel.invitations')}
        head={[t('record.panel.position'), t('record.panel.expert'), t('record.panel.outcome')]}
        rows={c.invitations.map((i) => [
          String(i.position),
          <code>{i.expertId}</code>,
          t(`panel.member.status.${i.outcome}`),
        ])}
      />
      <Table
        caption={t('record.panel.exclusions')}
        head={[t('record.panel.expert'), t('record.panel.tie')]}
        rows={c.exclusions.map((x) => [<code>{x.expertId}</code>, t(`experts.tie.${x.kind}`)])}
      />
      <Source t={t} source={c.sources.draw} />
      <p>
        <a href={`${projectHref(c.project.id)}/draw`}>{t('record.panel.checkDraw')}</a>
      </p>
    </>
  ),
  summary: (c, t) =>
    line(c.project.title, t('record.panel.summary', { names: c.panel.map((p) => p.name).join('、') })),
});
