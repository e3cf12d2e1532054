import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPLOY_SITE, nginxPrefix } from '../../proxy/test-support/nginx-pair';

const SITE = readFileSync(DEPLOY_SITE, 'utf8');

/**
 * The nginx site of deploy/ checked by Debian's nginx itself (`nginx -t`), in a private prefix
 * under /tmp with a self-signed certificate made here: nothing is started or bound.
 */
describe('deploy/nginx/hop-thu.conf', () => {
  it('passes nginx -t', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-nginx-'));
    try {
      const [nginx, ...args] = nginxPrefix(path.join(dir, 'prefix'), SITE);
      const run = spawnSync(nginx!, ['-t', ...args], { encoding: 'utf8' });
      expect(run.stderr).toContain('test is successful');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the upload cap above the 20 MB attachment limit and streams live updates unbuffered', () => {
    const cap = /client_max_body_size (\d+)m;/.exec(SITE);
    expect(Number(cap?.[1]) * 1024 * 1024).toBeGreaterThan(20 * 1024 * 1024);
    expect(SITE).toMatch(/location = \/api\/events \{[^}]*proxy_buffering off;/);
    expect(SITE).toContain('proxy_set_header X-Forwarded-For $remote_addr;');
  });
});

describe('deploy/hop-thu.env.example', () => {
  it('lists every setting of proxy/config.ts', () => {
    const schema = readFileSync('proxy/config.ts', 'utf8');
    const names = [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]!);
    const example = readFileSync('deploy/hop-thu.env.example', 'utf8');
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) expect(example, name).toMatch(new RegExp(`^(# )?${name}=`, 'm'));
  });
});
