// Hooks that modules register at start (the portal's search index, notifications). They run inside
// publish()'s transaction, so a record, its log leaf and its index entries exist together or not at all.
import type { Ctx } from '../context.js';

export interface PublishedRecord {
  id: string;
  kind: string;
  subjectId: string;
  title: string;
  content: unknown;
  contentHash: string;
  publishedAt: string;
  logIndex: number;
  supersedes: string | null;
}

export type PublishHook = (ctx: Ctx, record: PublishedRecord) => Promise<void>;

export class PublishHooks {
  private readonly hooks: { name: string; hook: PublishHook }[] = [];

  register(name: string, hook: PublishHook): void {
    if (this.hooks.some((h) => h.name === name)) throw new Error(`publish hook ${name} is registered twice`);
    this.hooks.push({ name, hook });
  }

  async run(ctx: Ctx, record: PublishedRecord): Promise<void> {
    for (const { hook } of this.hooks) await hook(ctx, record);
  }

  names(): string[] {
    return this.hooks.map((h) => h.name);
  }
}
