import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => existsSync(p));
const SITE = readFileSync('deploy/nginx/hop-thu.conf', 'utf8');

/**
 * The nginx site of deploy/ checked by Debian's nginx itself (`nginx -t`), in a private prefix
 * under /tmp with a self-signed certificate made here: nothing is started or bound.
 */
describe('deploy/nginx/hop-thu.conf', () => {
  it('passes nginx -t', () => {
    if (!NGINX) {
      throw new Error(
        'nginx is not installed: run `bash scripts/deploy/ensure-nginx.sh` as root (Debian 12)',
      );
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'bp-nginx-'));
    try {
      mkdirSync(path.join(dir, 'logs'));
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=mail.binhphuoc.gov.vn',
          '-keyout',
          path.join(dir, 'privkey.pem'),
          '-out',
          path.join(dir, 'fullchain.pem'),
        ],
        { stdio: 'ignore' },
      );
      writeFileSync(path.join(dir, 'site.conf'), SITE.replaceAll('/etc/ssl/hop-thu/', `${dir}/`));
      writeFileSync(
        path.join(dir, 'nginx.conf'),
        [
          `pid ${dir}/nginx.pid;`,
          `error_log ${dir}/logs/error.log;`,
          'events {}',
          'http {',
          '  include /etc/nginx/mime.types;',
          `  access_log ${dir}/logs/access.log;`,
          `  client_body_temp_path ${dir}/body;`,
          `  proxy_temp_path ${dir}/proxy;`,
          `  include ${dir}/site.conf;`,
          '}',
        ].join('\n'),
      );
      const run = spawnSync(
        NGINX,
        ['-t', '-p', dir, '-c', `${dir}/nginx.conf`, '-e', `${dir}/logs/error.log`],
        {
          encoding: 'utf8',
        },
      );
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
