import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({}, '/srv/gongshi');
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/gongshi/data',
      database: { kind: 'sqlite', file: '/srv/gongshi/data/gongshi.sqlite' },
      ocidPrefix: 'ocds-gsdemo',
      logLevel: 'info',
      demoData: true,
    });
  });

  it('switches to PostgreSQL on a postgres:// URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db:5432/gongshi' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/gongshi',
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['OCID_PREFIX', 'gongshi'],
    ['LOG_LEVEL', 'loud'],
    ['DEMO_DATA', 'perhaps'],
    ['SESSION_SECRET', 'short'],
    ['HOST', 'a b'],
  ])('stops on a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [name]: value });
    } catch (error) {
      expect((error as ConfigError).variable).toBe(name);
      expect((error as Error).message).toContain(name);
    }
  });
});
