// The shapes every feature shares: the Fastify instance type and what handlers find on a request.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyRequest,
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Actor } from '../access/roles.js';
import type { Config } from '../config.js';
import type { Ctx, Runtime } from '../context.js';
import type { GongshiMigration } from '../db/migrator.js';
import type { Scheduler } from '../jobs/scheduler.js';
import type { Catalogue, Locale } from '../views/i18n.js';
import type { NavRegistry } from '../views/nav.js';
import type { Secrets } from '../secrets.js';
import type { FieldProblem } from '../errors.js';
import type { LogRedaction } from './logging.js';
import type { RenderPage } from './pages.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** A route and the action can() checks for it; every registered route is listed. */
export interface RouteEntry {
  method: string;
  url: string;
  action: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteEntry[];
    /** What the log leaves out of URLs, learnt from every registered route. */
    logRedaction: LogRedaction;
  }
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    /** The session cookie's secret when the request carried a valid one. */
    sessionSecret: string | undefined;
    /** The file names of a multipart form's file fields, by field name. */
    uploadNames: Record<string, string> | null;
    /** Parts of a multipart form read so far. */
    multipartCounts: { files: number; fields: number } | null;
    /** Body fields whose bytes were not UTF-8, found while decoding the body. */
    textProblems: FieldProblem[] | null;
    /**
     * A form page's fields holding text the database cannot store: the form is shown again with these
     * problems (handleForm), and no use-case runs for this request (services.run refuses).
     */
    refusedText: FieldProblem[] | null;
  }
  interface FastifyContextConfig {
    /** The action `can()` checks before the handler runs. Every route declares one. */
    action?: string;
  }
}

export interface AppServices {
  readonly config: Config;
  readonly runtime: Runtime;
  readonly scheduler: Scheduler;
  readonly nav: NavRegistry;
  readonly secrets: Secrets;
  /** Runs a use-case in one transaction as the request's actor. */
  run<T>(req: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  /** Renders a page in the layout. */
  render: RenderPage;
}

/** What a feature may hook into when the platform starts, with or without an HTTP server. */
export interface PlatformParts {
  readonly config: Config;
  readonly secrets: Secrets;
  readonly runtime: Runtime;
  readonly scheduler: Scheduler;
  readonly nav: NavRegistry;
}

/** A feature (a platform part or a domain module) plugs into the app through this. */
export interface Feature {
  name: string;
  migrations?: GongshiMigration[];
  messages?: Record<Locale, Catalogue>;
  /** Publish hooks, scheduled-task handlers, navigation items. */
  setup?(parts: PlatformParts): void;
  /** Tasks that repeat (housekeeping, signing tree heads); created at start when missing. */
  recurring?: (config: Config) => { kind: string; intervalSeconds: number }[];
  /** Pages and JSON routes. */
  routes?(app: App, services: AppServices): void | Promise<void>;
}
