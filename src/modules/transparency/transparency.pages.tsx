// What the public log guarantees and how to check it (for everyone, in plain words), the latest signed
// tree head, and each record's inclusion proof.
import { Type } from 'typebox';
import type { App, AppServices } from '../../platform/http/app-types.js';
import { getPublicRecord } from '../../platform/publish/records.js';
import { BeijingTime, Facts } from '../../platform/views/components.js';
import { translator } from '../../platform/views/i18n.js';
import { inclusionProof } from './log-queries.js';
import { getLatestTreeHead } from '../../platform/publish/tree-heads.js';
import { keyId } from '../../platform/publish/tree-heads.js';

export function registerTransparencyPages(app: App, services: AppServices): void {
  const db = () => services.runtime.db.kysely;

  app.get('/transparency', { config: { action: 'public.read' } }, async (req, reply) => {
    const t = translator(req.locale);
    const head = await getLatestTreeHead(db());
    const origin = `${req.protocol}://${req.host}`;
    return services.render(
      req,
      reply,
      { title: t('log.title'), lead: t('log.lead') },
      <>
        <section aria-labelledby="guarantee-heading">
          <h2 id="guarantee-heading">{t('log.guaranteeTitle')}</h2>
          <ul>
            <li>{t('log.guarantee.append')}</li>
            <li>{t('log.guarantee.signed')}</li>
            <li>{t('log.guarantee.proof')}</li>
            <li>{t('log.guarantee.consistency')}</li>
          </ul>
          <p>{t('log.guarantee.limits')}</p>
        </section>
        <section aria-labelledby="head-heading">
          <h2 id="head-heading">{t('log.latestHead')}</h2>
          {head ? (
            <Facts
              items={[
                [t('log.treeSize'), String(head.tree_size)],
                [t('log.signedAt'), <BeijingTime at={new Date(head.timestamp).toISOString()} />],
                [t('log.rootHash'), <code class="hash">{head.root_hash}</code>],
                [t('log.signature'), <code class="hash">{head.signature}</code>],
                [t('log.keyId'), <code class="hash">{head.key_id}</code>],
              ]}
            />
          ) : (
            <p>{t('log.noTreeHead')}</p>
          )}
          <p class="muted">{t('log.interval', { seconds: services.config.treeHeadIntervalSeconds })}</p>
        </section>
        <section aria-labelledby="verify-heading">
          <h2 id="verify-heading">{t('log.howToVerify')}</h2>
          <p>{t('log.howToVerify.cli')}</p>
          <pre>
            <code>{`node dist/cli.js verify-log --url ${origin} --state gongshi-log-state.json
node dist/cli.js verify-log --url ${origin} --record <record id>`}</code>
          </pre>
          <p>{t('log.howToVerify.own')}</p>
          <ul>
            <li>
              <a href="/api/v1/log/key">/api/v1/log/key</a> — {t('log.api.key')}
            </li>
            <li>
              <a href="/api/v1/log/sth">/api/v1/log/sth</a> — {t('log.api.sth')}
            </li>
            <li>
              <code>/api/v1/log/entries?start=0&amp;end=100</code> — {t('log.api.entries')}
            </li>
            <li>
              <code>/api/v1/log/proof/inclusion?index=I&amp;tree_size=N</code> — {t('log.api.inclusion')}
            </li>
            <li>
              <code>/api/v1/log/proof/consistency?first=M&amp;second=N</code> — {t('log.api.consistency')}
            </li>
          </ul>
          <p class="muted">{t('log.keyIdNow', { keyId: keyId(services.secrets.logPublicKey) })}</p>
        </section>
      </>,
    );
  });

  app.get(
    '/transparency/records/:id',
    {
      config: { action: 'public.read' },
      schema: { params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }) },
    },
    async (req, reply) => {
      const t = translator(req.locale);
      const record = await getPublicRecord(db(), req.params.id);
      const head = await getLatestTreeHead(db());
      const covered = head !== undefined && record.logIndex < head.tree_size;
      const proof = covered ? await inclusionProof(db(), record.logIndex, head.tree_size) : undefined;
      return services.render(
        req,
        reply,
        {
          title: t('log.proofTitle'),
          crumbs: [
            { href: '/transparency', label: t('log.title') },
            { href: `/records/${record.id}`, label: record.title },
          ],
        },
        <>
          <Facts
            items={[
              [t('log.record'), <a href={`/records/${record.id}`}>{record.title}</a>],
              [t('log.leafIndex'), String(record.logIndex)],
              [t('records.leafHash'), <code class="hash">{record.log.leafHash}</code>],
            ]}
          />
          {head && proof ? (
            <>
              <p>{t('log.proofLead', { index: record.logIndex, size: head.tree_size })}</p>
              <Facts
                items={[
                  [t('log.treeSize'), String(head.tree_size)],
                  [t('log.rootHash'), <code class="hash">{head.root_hash}</code>],
                  [t('log.signedAt'), <BeijingTime at={new Date(head.timestamp).toISOString()} />],
                ]}
              />
              <h2>{t('log.auditPath')}</h2>
              {proof.audit_path.length === 0 ? (
                <p>{t('log.auditPathEmpty')}</p>
              ) : (
                <ol class="hash-list">
                  {proof.audit_path.map((h) => (
                    <li key={h}>
                      <code class="hash">{h}</code>
                    </li>
                  ))}
                </ol>
              )}
              <p>
                <a href={`/api/v1/log/proof/inclusion?index=${record.logIndex}&tree_size=${head.tree_size}`}>
                  {t('log.proofJson')}
                </a>
              </p>
            </>
          ) : (
            <p role="status">
              {t('log.notYetCovered', { seconds: services.config.treeHeadIntervalSeconds })}
            </p>
          )}
        </>,
      );
    },
  );
}
