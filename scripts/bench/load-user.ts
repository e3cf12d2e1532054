import { randomUUID } from 'node:crypto';
import { type LoadClient, RequestFailure } from './load-client';
import type { LoadWindow, Operation } from './load-stats';

/**
 * The pace of every simulated user, changed while they run (the step run shortens it). Each wait
 * is drawn again, ±50 % around the mean, so that 1,000 users do not act in lockstep.
 */
export interface LoadPace {
  /** Between two actions (list INBOX or open a message). */
  thinkMs: number;
  /** Between two searches. */
  searchMs: number;
}

/** What all simulated users share: the client, the pace, the window being measured. */
export interface LoadRun {
  client: LoadClient;
  origin: string;
  pace: LoadPace;
  window(): LoadWindow;
  stopped(): boolean;
  /** Settles when the pace changes or the run stops: waits then start over with the new pace. */
  interrupted(): Promise<void>;
}

/** Words of the seeded letters' subjects, typed without tones as people do ("cong van"). */
const SEARCHES = ['cong van', 'ke hoach', 'bao cao', 'giay moi', 'chu ky so', 'hoi nghi'];
const STREAM_RETRY_MS = 3_000;

export const jitter = (mean: number) => mean * (0.5 + Math.random());
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/**
 * One civil servant with the webmail open all morning: logs in, loads the folders and INBOX,
 * keeps the live-update stream open (reopened as EventSource does if it drops), then every
 * think time lists INBOX or opens one of its messages, and searches now and then. Sends are
 * started from outside (a few per minute across all users).
 */
export class SimulatedUser {
  private headers: Record<string, string> = {};
  private uids: number[] = [];
  private closeStream: (() => void) | null = null;
  loggedIn = false;
  streamOpen = false;

  constructor(
    readonly email: string,
    private readonly password: string,
    private readonly run: LoadRun,
  ) {}

  /** Until the run stops: log in, then act at the pace of the run. */
  async live(): Promise<void> {
    let nextSearch = performance.now() + Math.random() * this.run.pace.searchMs;
    while (!this.run.stopped()) {
      if (!this.loggedIn) {
        if (!(await this.logIn())) await this.wait(jitter(this.run.pace.thinkMs));
        continue;
      }
      await this.wait(jitter(this.run.pace.thinkMs));
      if (this.run.stopped()) break;
      if (Math.random() < 0.5 || this.uids.length === 0) await this.list();
      else await this.open(pick(this.uids));
      if (performance.now() >= nextSearch) {
        await this.search();
        nextSearch = performance.now() + jitter(this.run.pace.searchMs);
      }
    }
    this.closeStream?.();
  }

  async logIn(): Promise<boolean> {
    const { origin } = this.run;
    const body = Buffer.from(JSON.stringify({ email: this.email, password: this.password }));
    const answer = await this.timed('login', () =>
      this.run.client.call(
        'POST',
        '/api/session',
        { origin, 'content-type': 'application/json', 'x-csrf-token': 'login' },
        body,
      ),
    );
    if (!answer) return false;
    const cookie = answer.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('bp_session='));
    const { csrfToken } = JSON.parse(answer.body.toString('utf8')) as { csrfToken: string };
    if (!cookie) throw new Error(`no session cookie for ${this.email}`);
    this.headers = { origin, cookie, 'x-csrf-token': csrfToken, 'accept-language': 'vi' };
    this.loggedIn = true;
    // What the app loads at once: the folder tree, the INBOX page, the live stream.
    await this.timed('folders', () => this.get('/api/mailboxes'));
    await this.list();
    await this.openStream();
    return true;
  }

  async send(to: string): Promise<void> {
    const message = {
      composeId: randomUUID(),
      to: [{ address: to }],
      cc: [],
      bcc: [],
      subject: `Đo tải: thư ${new Date().toISOString()}`,
      html: null,
      text: 'Kính gửi đồng chí,\n\nThư gửi trong lúc đo tải của hộp thư công vụ.\n\nTrân trọng.',
      attachments: [],
    };
    await this.timed('send', () =>
      this.run.client.call(
        'POST',
        '/api/send',
        { ...this.headers, 'content-type': 'application/json' },
        Buffer.from(JSON.stringify(message)),
      ),
    );
  }

  private async list() {
    const answer = await this.timed('list', () => this.get('/api/mailboxes/INBOX/messages?limit=50'));
    if (!answer) return;
    const page = JSON.parse(answer.body.toString('utf8')) as { messages: { uid: number }[] };
    this.uids = page.messages.map((m) => m.uid);
  }

  private async open(uid: number) {
    await this.timed('open', () => this.get(`/api/mailboxes/INBOX/messages/${uid}`));
  }

  private async search() {
    const q = encodeURIComponent(pick(SEARCHES));
    await this.timed('search', () => this.get(`/api/search?q=${q}&limit=50`));
  }

  private async openStream() {
    const close = await this.timed('events', () =>
      this.run.client.openStream('/api/events', this.headers, (why) => {
        this.streamOpen = false;
        this.closeStream = null;
        if (this.run.stopped()) return;
        this.run.window().record('events', 0, why);
        setTimeout(() => void this.reopenStream(), jitter(STREAM_RETRY_MS));
      }),
    );
    if (!close) return;
    this.closeStream = close;
    this.streamOpen = true;
  }

  private async reopenStream() {
    if (this.run.stopped() || this.streamOpen) return;
    await this.openStream();
    if (!this.streamOpen && !this.run.stopped())
      setTimeout(() => void this.reopenStream(), jitter(STREAM_RETRY_MS));
  }

  private get(path: string) {
    return this.run.client.call('GET', path, this.headers);
  }

  private async timed<T>(operation: Operation, work: () => Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
      const result = await work();
      this.run.window().record(operation, performance.now() - started);
      return result;
    } catch (err) {
      const outcome = err instanceof RequestFailure ? err.outcome : String(err);
      this.run.window().record(operation, performance.now() - started, outcome);
      // The session is gone (expired, proxy restarted without it): log in again, as the app does.
      if (outcome.startsWith('HTTP 401')) this.loggedIn = false;
      return undefined;
    }
  }

  /** A wait cut short when the pace changes, so that the new pace applies at once. */
  private async wait(ms: number) {
    let timer: NodeJS.Timeout | undefined;
    const elapsed = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), ms);
    });
    const done = await Promise.race([elapsed, this.run.interrupted().then(() => false)]);
    clearTimeout(timer);
    // Interrupted: a fresh wait at the new pace, from now (a fraction of it, so that users do
    // not all act together right after the change).
    if (!done && !this.run.stopped()) await this.wait(Math.random() * this.run.pace.thinkMs);
  }
}
