import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { parseResponse, type SieveResponse, sieveString } from './managesieve-response';

/**
 * A small ManageSieve client (RFC 5804): the commands the webmail needs, one at a time, on one
 * connection per operation. No Node client for the protocol is maintained today, and the protocol
 * is small: greeting with capabilities, STARTTLS, AUTHENTICATE PLAIN, LISTSCRIPTS, GETSCRIPT,
 * PUTSCRIPT, CHECKSCRIPT, SETACTIVE, DELETESCRIPT, LOGOUT.
 */
export interface ManageSieveServer {
  host: string;
  port: number;
  /** Refuse to log in unless the server offers STARTTLS (a provider not on loopback). */
  requireTls: boolean;
  allowInsecureTls: boolean;
  timeoutMs?: number;
}

export interface ScriptEntry {
  name: string;
  active: boolean;
}

/** A NO or BYE from the server, with its response code (`NONEXISTENT`, `QUOTA`, …) and reason. */
export class ManageSieveError extends Error {
  constructor(
    readonly command: string,
    readonly response: Pick<SieveResponse, 'status' | 'code' | 'text'>,
  ) {
    super(`${command}: ${response.status}${response.code ? ` (${response.code})` : ''} ${response.text}`);
  }
}

export class ManageSieveConnection {
  private buffer = Buffer.alloc(0);
  private waiting: ((error?: Error) => void) | null = null;
  private closedError: Error | null = null;
  capabilities = new Map<string, string>();

  private constructor(
    private socket: Socket,
    private readonly timeoutMs: number,
  ) {
    this.listen(socket);
  }

  static async open(server: ManageSieveServer): Promise<ManageSieveConnection> {
    // Dovecot holds a login back for up to 15 s after failed logins from the same address (its auth
    // penalty; the proxy logs everyone in from one address): a shorter wait would turn that pause
    // into a failure.
    const timeoutMs = server.timeoutMs ?? 20_000;
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = netConnect({ host: server.host, port: server.port });
      s.setTimeout(timeoutMs, () => s.destroy(new Error('ManageSieve connection timed out')));
      s.once('connect', () => resolve(s));
      s.once('error', reject);
    });
    const conn = new ManageSieveConnection(socket, timeoutMs);
    conn.readCapabilities(await conn.read('greeting'));
    if (conn.capabilities.has('STARTTLS')) {
      await conn.startTls(server);
    } else if (server.requireTls) {
      conn.socket.destroy();
      throw new Error('ManageSieve server offers no STARTTLS');
    }
    return conn;
  }

  /** Logs in as the user with the password the proxy already holds for IMAP (SASL PLAIN). */
  async authenticate(user: string, password: string): Promise<void> {
    const token = Buffer.from(`\0${user}\0${password}`, 'utf8').toString('base64');
    await this.command('AUTHENTICATE', `AUTHENTICATE "PLAIN" ${sieveString(token)}`);
  }

  async listScripts(): Promise<ScriptEntry[]> {
    const response = await this.command('LISTSCRIPTS', 'LISTSCRIPTS');
    return response.lines
      .filter((line) => line[0]?.kind === 'string')
      .map((line) => ({
        name: line[0]!.value,
        active: line[1]?.kind === 'atom' && line[1].value.toUpperCase() === 'ACTIVE',
      }));
  }

  async getScript(name: string): Promise<string> {
    const response = await this.command('GETSCRIPT', `GETSCRIPT ${sieveString(name)}`);
    return response.lines[0]?.[0]?.value ?? '';
  }

  /** The server compiles the script and refuses it (NO, with the error) when it is invalid. */
  async putScript(name: string, script: string): Promise<void> {
    await this.command('PUTSCRIPT', `PUTSCRIPT ${sieveString(name)} ${literal(script)}`);
  }

  async checkScript(script: string): Promise<void> {
    await this.command('CHECKSCRIPT', `CHECKSCRIPT ${literal(script)}`);
  }

  /** Makes `name` the one active script; an empty name deactivates every script. */
  async setActive(name: string): Promise<void> {
    await this.command('SETACTIVE', `SETACTIVE ${sieveString(name)}`);
  }

  async deleteScript(name: string): Promise<void> {
    await this.command('DELETESCRIPT', `DELETESCRIPT ${sieveString(name)}`);
  }

  async logout(): Promise<void> {
    try {
      if (!this.closedError) await this.command('LOGOUT', 'LOGOUT');
    } catch {
      // The server may close before or after its OK: either way the session is over.
    } finally {
      this.socket.destroy();
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private async startTls(server: ManageSieveServer): Promise<void> {
    await this.command('STARTTLS', 'STARTTLS');
    this.socket.removeAllListeners('data');
    const secure = await new Promise<Socket>((resolve, reject) => {
      const s = tlsConnect({
        socket: this.socket,
        servername: server.host,
        rejectUnauthorized: !server.allowInsecureTls,
      });
      s.once('secureConnect', () => resolve(s));
      s.once('error', reject);
    });
    this.socket = secure;
    this.buffer = Buffer.alloc(0);
    this.listen(secure);
    // RFC 5804 §2.2: the server sends its capabilities again after the TLS handshake.
    this.readCapabilities(await this.read('STARTTLS capabilities'));
  }

  private listen(socket: Socket): void {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.waiting?.();
    });
    const fail = (error: Error) => {
      this.closedError ??= error;
      this.waiting?.(this.closedError);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('ManageSieve connection closed')));
  }

  private readCapabilities(response: SieveResponse): void {
    this.capabilities.clear();
    for (const line of response.lines) {
      const [name, value] = line;
      if (name) this.capabilities.set(name.value.toUpperCase(), value?.value ?? '');
    }
  }

  private async command(name: string, line: string): Promise<SieveResponse> {
    if (this.closedError) throw this.closedError;
    this.socket.write(`${line}\r\n`);
    const response = await this.read(name);
    if (response.status !== 'OK') throw new ManageSieveError(name, response);
    return response;
  }

  private read(name: string): Promise<SieveResponse> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = null;
        reject(new Error(`ManageSieve ${name}: no answer in ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      const attempt = (error?: Error) => {
        const parsed = parseResponse(this.buffer);
        if (parsed) {
          this.buffer = this.buffer.subarray(parsed.consumed);
          clearTimeout(timer);
          this.waiting = null;
          resolve(parsed.response);
        } else if (error) {
          clearTimeout(timer);
          this.waiting = null;
          reject(error);
        }
      };
      this.waiting = attempt;
      attempt(this.closedError ?? undefined);
    });
  }
}

/** Scripts always go as literals: they hold quotes, backslashes and line breaks. */
function literal(text: string): string {
  return `{${Buffer.byteLength(text, 'utf8')}+}\r\n${text}`;
}

/** One authenticated session for `fn`, logged out afterwards whatever happens. */
export async function withManageSieve<T>(
  server: ManageSieveServer,
  user: { email: string; password: string },
  fn: (conn: ManageSieveConnection) => Promise<T>,
): Promise<T> {
  const conn = await ManageSieveConnection.open(server);
  try {
    await conn.authenticate(user.email, user.password);
    return await fn(conn);
  } finally {
    await conn.logout();
  }
}
