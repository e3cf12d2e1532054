import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

/**
 * Runs one of the verifier's tools (pdfsig, certutil, vfychain) on a file that came from a
 * stranger's mail: an argument array and no shell, stdin closed, a private working folder,
 * a wall-clock timeout that kills the process group, output capped, and — where util-linux's
 * prlimit is there — limits on memory, CPU time, file size and open files, so a hostile PDF can
 * cost a bounded amount of one process and nothing else.
 */
export interface ToolLimits {
  timeoutMs: number;
  /** stdout and stderr together; the rest is dropped and `truncated` says so. */
  maxOutputBytes: number;
  /** Address space, bytes. */
  maxMemoryBytes: number;
  /** Largest file the tool may write (pdfsig -dump writes the signatures). */
  maxFileBytes: number;
}

export interface ToolResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  truncated: boolean;
}

const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find(executable);

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function runTool(
  command: string,
  args: readonly string[],
  options: { cwd: string; limits: ToolLimits },
): Promise<ToolResult> {
  const { limits } = options;
  const cpuSeconds = Math.max(1, Math.ceil(limits.timeoutMs / 1000));
  const [file, argv] = PRLIMIT
    ? [
        PRLIMIT,
        [
          `--as=${limits.maxMemoryBytes}`,
          `--cpu=${cpuSeconds}`,
          `--fsize=${limits.maxFileBytes}`,
          '--nofile=256',
          '--core=0',
          '--',
          command,
          ...args,
        ],
      ]
    : [command, [...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      // A group of its own, so the timeout kills the tool and anything it started.
      detached: true,
      // English messages and UTC times for the parser; HOME in the private folder, so NSS never
      // reads or writes the service account's own ~/.pki.
      env: { PATH: '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C', TZ: 'UTC', HOME: options.cwd },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let truncated = false;
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      if (size >= limits.maxOutputBytes) {
        truncated = true;
        return;
      }
      const room = limits.maxOutputBytes - size;
      if (chunk.length > room) truncated = true;
      const kept = chunk.subarray(0, room);
      size += kept.length;
      into.push(kept);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    let timedOut = false;
    const kill = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, limits.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        truncated,
      });
    });
  });
}
