import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

/** What instances tell each other about a case: a stored document update, or a presence change. */
export type FanoutKind = 'update' | 'awareness';
const KIND_BYTE: Record<FanoutKind, number> = { update: 0, awareness: 1 };
const KIND_OF = ['update', 'awareness'] as const;

/** Messages for every instance: access changes and ended sessions close sockets everywhere. */
export type ControlMessage =
  | { type: 'access'; caseId: string; userId: string; role: string | null }
  | { type: 'sessions'; userId: string; which: { credential: string } | { keep: string | null } };

/**
 * Several server instances sharing the open cases. An instance joins a case's channel while it
 * has the case loaded; what one instance stores and what its clients' presence does reaches the
 * others' clients.
 */
export interface Fanout {
  /** Subscribes to a case; resolves once subscribed (so nothing published later is missed). */
  join(caseId: string, onMessage: (kind: FanoutKind, data: Uint8Array) => void): Promise<void>;
  leave(caseId: string): void;
  publish(caseId: string, kind: FanoutKind, data: Uint8Array): void;
  onControl(handler: (message: ControlMessage) => void): void;
  /** Called when the link came back after a cut: messages sent meanwhile may be lost. */
  onReconnect(handler: () => void): void;
  publishControl(message: ControlMessage): void;
  close(): Promise<void>;
}

const CASE_PREFIX = 'caseboard:case:';
const CONTROL = 'caseboard:control';

/**
 * The fan-out over Redis pub/sub (ioredis): one connection publishes, one subscribes. Each message
 * carries this instance's random id, so an instance ignores its own. Redis keeps nothing: what is
 * missed while an instance is cut off is in PostgreSQL, and its clients resync on reconnect.
 */
export class RedisFanout implements Fanout {
  private readonly id = randomBytes(16);
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, (kind: FanoutKind, data: Uint8Array) => void>();
  private readonly listeners = new Map<string, (payload: Buffer) => void>();
  private controlHandler: ((message: ControlMessage) => void) | null = null;
  private reconnectHandler: (() => void) | null = null;
  private ready = false;

  private constructor(client: typeof Redis, url: string, onError: (err: Error) => void) {
    // Commands wait while reconnecting instead of failing at once; errors are logged, not thrown.
    this.pub = new client(url, { lazyConnect: true, maxRetriesPerRequest: null });
    this.sub = new client(url, { lazyConnect: true, maxRetriesPerRequest: null });
    this.pub.on('error', onError);
    this.sub.on('error', onError);
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) =>
      this.receive(channel, message),
    );
    // ioredis subscribes again by itself after a reconnect; what was published meanwhile is lost.
    this.sub.on('ready', () => {
      if (this.ready) this.reconnectHandler?.();
      this.ready = true;
    });
  }

  /** The publishing connection, for plain commands (it never enters subscriber mode). */
  get commands(): Redis {
    return this.pub;
  }

  static async connect(url: string, onError: (err: Error) => void): Promise<RedisFanout> {
    // ioredis is loaded only here: a single instance never carries it (with pg, 13 MiB of RSS).
    const { Redis } = await import('ioredis');
    const fanout = new RedisFanout(Redis, url, onError);
    await Promise.all([fanout.pub.connect(), fanout.sub.connect()]);
    await fanout.sub.subscribe(CONTROL);
    return fanout;
  }

  private receive(channel: Buffer, message: Buffer): void {
    if (message.length < 17 || message.subarray(0, 16).equals(this.id)) return;
    const name = channel.toString();
    const listener = this.listeners.get(name);
    if (listener) {
      try {
        listener(message.subarray(16));
      } catch {
        // Broken: ignored, as a message that never came.
      }
      return;
    }
    if (name === CONTROL) {
      try {
        this.controlHandler?.(JSON.parse(message.subarray(16).toString()) as ControlMessage);
      } catch {
        // Not ours, or broken: ignored.
      }
      return;
    }
    const handler = this.handlers.get(name.slice(CASE_PREFIX.length));
    const kind = KIND_OF[message[16]!];
    if (!handler || !kind) return;
    const data = message.subarray(17);
    handler(kind, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }

  async join(caseId: string, onMessage: (kind: FanoutKind, data: Uint8Array) => void) {
    this.handlers.set(caseId, onMessage);
    await this.sub.subscribe(CASE_PREFIX + caseId);
  }

  leave(caseId: string): void {
    if (!this.handlers.delete(caseId)) return;
    void this.sub.unsubscribe(CASE_PREFIX + caseId).catch(() => undefined);
  }

  publish(caseId: string, kind: FanoutKind, data: Uint8Array): void {
    const message = Buffer.concat([this.id, Buffer.of(KIND_BYTE[kind]), data]);
    void this.pub.publish(CASE_PREFIX + caseId, message).catch(() => undefined);
  }

  onControl(handler: (message: ControlMessage) => void): void {
    this.controlHandler = handler;
  }

  onReconnect(handler: () => void): void {
    this.reconnectHandler = handler;
  }

  publishControl(message: ControlMessage): void {
    const bytes = Buffer.concat([this.id, Buffer.from(JSON.stringify(message))]);
    void this.pub.publish(CONTROL, bytes).catch(() => undefined);
  }

  /** Other instances' messages on a channel of its own (not a case's); resolves once subscribed. */
  async listen(channel: string, handler: (payload: Buffer) => void): Promise<void> {
    this.listeners.set(channel, handler);
    await this.sub.subscribe(channel);
  }

  /** Sends to every other instance listening on `channel`. */
  send(channel: string, payload: Buffer): void {
    void this.pub.publish(channel, Buffer.concat([this.id, payload])).catch(() => undefined);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.listeners.clear();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}
