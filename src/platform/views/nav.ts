// Navigation per role: each item names the action that shows it, so the menu never offers a page the
// user may not open.
import { can } from '../access/policy.js';
import type { Actor } from '../access/roles.js';

export interface NavItem {
  href: string;
  labelKey: string;
  action: string;
  section: 'portal' | 'work' | 'admin';
  order: number;
}

export class NavRegistry {
  private readonly items: NavItem[] = [];

  add(item: NavItem): void {
    this.items.push(item);
    this.items.sort((a, b) => a.order - b.order);
  }

  visibleTo(actor: Actor): NavItem[] {
    return this.items.filter((item) => can(actor, item.action));
  }
}
