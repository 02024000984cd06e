import pg from 'pg';
import type { Logger } from 'pino';
import { OUTBOX_CHANNEL } from './write.ts';

const FIRST_RECONNECT_MS = 500;
const MAX_RECONNECT_MS = 30_000;

/**
 * LISTENs for enqueued events on PostgreSQL over a dedicated connection (a pooled one would be
 * handed to queries and lose its LISTEN). Reconnects with back-off when the connection drops and
 * calls `onNotify` after every (re)connect too, since notifications sent meanwhile are lost.
 * Polling stays the safety net; this only makes delivery prompt.
 */
export class OutboxListener {
  private client: pg.Client | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly onNotify: () => void,
    private readonly logger: Logger,
  ) {}

  /** Connects in the background; never throws. */
  start(): void {
    void this.connect();
  }

  /** Whether the LISTEN connection is up (for tests and health checks). */
  get connected(): boolean {
    return this.client !== undefined;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.url, application_name: 'loket-outbox-listener', keepAlive: true });
    let dropped = false;
    const drop = (reason: string) => {
      if (dropped) return;
      dropped = true;
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
      if (this.stopped) return;
      const delay = Math.min(MAX_RECONNECT_MS, FIRST_RECONNECT_MS * 2 ** this.failures);
      this.failures += 1;
      this.logger.warn({ reason, retryInMs: delay }, 'outbox: LISTEN connection lost; polling continues meanwhile');
      this.reconnectTimer = setTimeout(() => void this.connect(), delay);
      this.reconnectTimer.unref();
    };
    client.on('error', (error) => drop(error.message));
    client.on('end', () => drop('connection ended'));
    client.on('notification', () => this.onNotify());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      drop(error instanceof Error ? error.message : String(error));
      return;
    }
    if (this.stopped || dropped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    this.onNotify();
  }
}
