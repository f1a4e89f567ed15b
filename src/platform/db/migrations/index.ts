import type { GongshiMigration } from '../migrator.js';
import { platformCore } from './2026-11-26-01-platform-core.js';

export const platformMigrations: GongshiMigration[] = [platformCore];
