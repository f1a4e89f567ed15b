// Authorization is one function, can(actor, action, subject) (architecture rule 7). The rules are
// data: each action names who may perform it, and optionally a check against the subject record.
// Modules add their actions at start with `defineActions`; every route declares one of them.
import { rolesOf, type Actor, type Role } from './roles.js';

export interface ActionRule {
  /** Anyone, logged in or not. */
  anyone?: true;
  /** Any logged-in user. */
  authenticated?: true;
  /** Users holding one of these roles (in any organization, unless `subject` narrows it). */
  roles?: readonly Role[];
  /** A further check on the record acted upon; only called when the role test passed. */
  subject?: (actor: Actor & { kind: 'user' }, subject: unknown) => boolean;
  /** The scheduler and seeding may perform it. */
  system?: true;
}

const rules = new Map<string, ActionRule>();

export function defineActions(actions: Record<string, ActionRule>): void {
  for (const [name, rule] of Object.entries(actions)) {
    if (rules.has(name) && rules.get(name) !== rule) throw new Error(`action ${name} is defined twice`);
    rules.set(name, rule);
  }
}

export function isAction(name: string): boolean {
  return rules.has(name);
}

export function actionRule(name: string): ActionRule | undefined {
  return rules.get(name);
}

export function allActions(): string[] {
  return [...rules.keys()].sort();
}

/**
 * May `actor` perform `action` (on `subject`, when given)? Unknown actions are refused: a typo must
 * never open a door.
 */
export function can(actor: Actor, action: string, subject?: unknown): boolean {
  const rule = rules.get(action);
  if (!rule) return false;
  if (actor.kind === 'system') return rule.system === true || rule.anyone === true;
  if (rule.anyone) return true;
  if (actor.kind !== 'user') return false;
  let allowed = rule.authenticated === true;
  if (!allowed && rule.roles) {
    const held = rolesOf(actor);
    allowed = rule.roles.some((r) => held.has(r));
  }
  if (!allowed) return false;
  if (subject !== undefined && rule.subject) return rule.subject(actor, subject);
  return true;
}

// The platform's own actions. Domain modules define theirs next to their routes.
defineActions({
  'public.read': { anyone: true },
  'session.login': { anyone: true },
  'session.logout': { authenticated: true },
  'account.manage': { authenticated: true },
  'workspace.view': { authenticated: true },
  'admin.users.manage': { roles: ['administrator'] },
  'admin.organizations.manage': { roles: ['administrator'] },
  'admin.audit.read': { roles: ['administrator', 'auditor'] },
  'calendar.manage': { roles: ['administrator'], system: true },
});
