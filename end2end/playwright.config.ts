import { defineConfig } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The runner and every worker load this file. Only the first load (the
// runner) creates the database directory; workers inherit it via the env.
const repo = path.resolve(__dirname, '..');
const bin = path.resolve(__dirname, process.env.ROUNDTABLE_BIN ?? '../target/debug/roundtable');
const port = Number(process.env.E2E_PORT ?? '3107');
const baseURL = `http://127.0.0.1:${port}`;

if (!process.env.E2E_DB_DIR) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roundtable-e2e-'));
  process.env.E2E_DB_DIR = dir;
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
}
const dbDir = process.env.E2E_DB_DIR;

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
    locale: 'en-GB',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // A fresh database each run: load the demo workshop, then serve it.
    command: `sh -c '"$ROUNDTABLE_BIN" demo && exec "$ROUNDTABLE_BIN" serve'`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stderr: 'pipe',
    env: {
      ROUNDTABLE_BIN: bin,
      DATABASE_URL: `sqlite://${dbDir}/e2e.sqlite3`,
      ROUNDTABLE_ADDR: `127.0.0.1:${port}`,
      ROUNDTABLE_SITE_ROOT: path.join(repo, 'target/site'),
      RUST_LOG: process.env.RUST_LOG ?? 'warn',
    },
  },
});
