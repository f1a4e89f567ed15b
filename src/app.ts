// Builds Gongshi from its features: the platform (database, runtime, scheduler) and the HTTP app.
import type { Writable } from 'node:stream';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { features as allFeatures } from './features.js';
import { SYSTEM } from './platform/access/roles.js';
import type { Config } from './platform/config.js';
import { runUseCase, type Runtime } from './platform/context.js';
import { claimSubmission, settleSubmission } from './platform/http/submissions.js';
import { createDatabase, type Db } from './platform/db/database.js';
import { sessionIdentification } from './platform/auth/sessions.js';
import { migrate } from './platform/db/migrator.js';
import { platformMigrations } from './platform/migrations/index.js';
import type { App, AppServices, Feature } from './platform/http/app-types.js';
import { invalid } from './platform/errors.js';
import { pageRenderer } from './platform/http/pages.js';
import { withSerializedErrors } from './platform/http/logging.js';
import { createServer } from './platform/http/server.js';
import { ensureRecurringTask, Scheduler } from './platform/jobs/scheduler.js';
import { PublishHooks } from './platform/context.js';
import { loadSecrets, type Secrets } from './platform/secrets.js';
import { systemClock, type Clock } from './platform/time/clock.js';
import { registerMessages } from './platform/views/i18n.js';
import { NavRegistry } from './platform/views/nav.js';

export interface Platform {
  readonly config: Config;
  readonly db: Db;
  readonly runtime: Runtime;
  readonly scheduler: Scheduler;
  readonly nav: NavRegistry;
  readonly secrets: Secrets;
  readonly features: readonly Feature[];
  close(): Promise<void>;
}

export interface PlatformOptions {
  clock?: Clock;
  /** An open database (tests); otherwise one is opened from the configuration. */
  db?: Db;
  features?: readonly Feature[];
  /** Where scheduler errors go when there is no HTTP server's logger. */
  log?: { error(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

/** The platform's migrations (platform/migrations) and every feature's. */
export function allMigrations(features: readonly Feature[] = allFeatures) {
  return [...platformMigrations, ...features.flatMap((f) => f.migrations ?? [])];
}

/** Opens the database, runs migrations, and wires every feature's hooks and scheduled tasks. */
export async function createPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const features = options.features ?? allFeatures;
  const secrets = loadSecrets(config);
  const db = options.db ?? createDatabase(config.database);
  try {
    await migrate(db, allMigrations(features));
  } catch (error) {
    if (!options.db) await db.destroy();
    throw error;
  }
  for (const f of features) if (f.messages) registerMessages(f.messages);
  const runtime: Runtime = { db, clock: options.clock ?? systemClock, hooks: new PublishHooks() };
  const log = options.log ?? {
    error: (o, m) => console.error(m, withSerializedErrors(o)),
    info: () => undefined,
  };
  const scheduler = new Scheduler(runtime, log);
  const nav = new NavRegistry();
  for (const f of features) f.setup?.({ config, secrets, runtime, scheduler, nav });
  for (const f of features) {
    for (const task of f.recurring?.(config) ?? []) {
      await runUseCase(runtime, { actor: SYSTEM }, (ctx) =>
        ensureRecurringTask(ctx, task.kind, task.intervalSeconds),
      );
    }
  }
  return {
    config,
    db,
    runtime,
    scheduler,
    nav,
    secrets,
    features,
    close: async () => {
      await scheduler.stop();
      if (!options.db) await db.destroy();
    },
  };
}

export async function buildApp(
  platform: Platform,
  options: { logger?: boolean; logStream?: Writable } = {},
): Promise<App> {
  const app = await createServer({
    config: platform.config,
    identification: sessionIdentification(platform.runtime.db.kysely, {
      idleMinutes: platform.config.sessionIdleMinutes,
      absoluteHours: platform.config.sessionAbsoluteHours,
    }),
    runtime: platform.runtime,
    secrets: platform.secrets,
    nav: platform.nav,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Gongshi API',
        version: '1',
        description:
          'Government purchase of services from social organizations, published at every step. ' +
          'Errors: `{"error":{"code","message","details":[{"field","message"}]}}`; messages follow the `gongshi_lang` cookie (zh-CN default, en).',
      },
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal API token (gs_…) from /account/tokens',
          },
        },
      },
      security: [{ bearerAuth: [] }],
    },
    // The API reference describes the JSON API and the health checks, not the HTML pages.
    transform: ({ schema, url }) => ({
      schema:
        url.startsWith('/api/') || url === '/healthz' || url === '/readyz'
          ? schema
          : { ...schema, hide: true },
      url,
    }),
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
    staticCSP: false,
  });
  app.get('/api/openapi.json', { config: { action: 'public.read' }, schema: { hide: true } }, () =>
    app.swagger(),
  );

  const services: AppServices = {
    config: platform.config,
    runtime: platform.runtime,
    scheduler: platform.scheduler,
    nav: platform.nav,
    secrets: platform.secrets,
    render: pageRenderer(platform.nav),
    run: async (req, fn) => {
      // A form page whose fields hold text the database cannot store runs no use-case (text-input.ts).
      if (req.refusedText) throw invalid(req.refusedText);
      try {
        return await runUseCase(
          platform.runtime,
          { actor: req.actor, requestId: req.id, ip: req.ip },
          async (ctx) => {
            await claimSubmission(ctx, req);
            return fn(ctx);
          },
        );
      } finally {
        settleSubmission(req);
      }
    },
  };
  for (const f of platform.features) await f.routes?.(app, services);
  platform.scheduler.useLog(app.log);
  return app;
}
