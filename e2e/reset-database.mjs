// Run by playwright.config.ts before the server starts: when the browser tests use PostgreSQL
// (E2E_DATABASE_URL), drop and recreate that database so that every run migrates and seeds from nothing.
// A no-op on SQLite, whose file lives in the run's fresh data folder.
import pg from 'pg';

const url = process.env.E2E_DATABASE_URL?.trim();
if (!url) process.exit(0);

const target = new URL(url);
const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
if (!/e2e/i.test(name)) {
  console.error(
    `E2E_DATABASE_URL names the database "${name}"; the browser tests drop and recreate it, so its name must contain "e2e".`,
  );
  process.exit(1);
}

const maintenance = new URL(url);
maintenance.pathname = '/postgres';
const client = new pg.Client({ connectionString: maintenance.toString() });
await client.connect();
try {
  const quoted = `"${name.replace(/"/g, '""')}"`;
  await client.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${quoted}`);
} finally {
  await client.end();
}
