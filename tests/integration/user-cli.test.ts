import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ApiClient, startTestServer } from '../helpers/server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'caseboard-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function userCommand(args: string[], input = '') {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/user.ts', ...args], {
    input,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
}

it('creates accounts from the command line that can then log in', { timeout: 30_000 }, async () => {
  const created = userCommand(
    ['add', 'ksv.lan', '--password-stdin', '--admin', '--display-name', 'Trần Thị Lan'],
    'mật khẩu dài\n',
  );
  expect(created.stderr).toBe('');
  expect(created.stdout).toContain('Created administrator ksv.lan');
  const again = userCommand(['add', 'ksv.lan', '--password-stdin'], 'another password');
  expect(again.status).toBe(1);
  expect(again.stderr).toContain('already exists');
  const short = userCommand(['add', 'ksv.hung', '--password-stdin'], 'short');
  expect(short.status).toBe(1);
  expect(short.stderr).toContain('at least 8');
  expect(userCommand(['add', 'nopassword']).status).toBe(2);

  const server = await startTestServer({ dataDir, adminUsername: null, adminPassword: null });
  try {
    const lan = await ApiClient.login(server.url, 'ksv.lan', 'mật khẩu dài');
    const me = await lan.request('GET', '/api/me');
    expect(me.body.user).toMatchObject({
      username: 'ksv.lan',
      displayName: 'Trần Thị Lan',
      admin: true,
    });
  } finally {
    await server.close();
  }
});
