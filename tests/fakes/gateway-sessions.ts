/**
 * The fake Discord's gateway sessions, one per shard, as Discord keeps them: a client IDENTIFYs with
 * `shard: [id, count]`, and each guild's events go only to the shard that owns it, `(guild_id >> 22) % count`
 * (direct messages to shard 0). A session outlives its socket: what it missed while away is replayed on RESUME.
 */
import type { WebSocket } from 'ws';

export interface GatewaySession {
  socket: WebSocket | undefined;
  readonly sessionId: string;
  readonly shard: readonly [number, number];
  seq: number;
  readonly dispatched: { s: number; payload: string }[];
}

/** The shard that owns a guild, by Discord's rule. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** The guild an event belongs to, if any (GUILD_CREATE carries it as `id`). */
function guildOfEvent(event: string, data: unknown): string | undefined {
  const fields = data as { guild_id?: unknown; id?: unknown } | null;
  const guildId = event === 'GUILD_CREATE' ? fields?.id : fields?.guild_id;
  return typeof guildId === 'string' ? guildId : undefined;
}

export class GatewaySessions {
  private readonly byShard = new Map<number, GatewaySession>();
  /** Every IDENTIFY's shard, in order. */
  readonly identified: (readonly [number, number])[] = [];

  /** A new session for the shard; an earlier session of the same shard is replaced (its RESUME will fail). */
  identify(socket: WebSocket, sessionId: string, shard: readonly [number, number]): GatewaySession {
    const session: GatewaySession = { socket, sessionId, shard, seq: 0, dispatched: [] };
    this.byShard.set(shard[0], session);
    this.identified.push(shard);
    return session;
  }

  bySessionId(sessionId: string): GatewaySession | undefined {
    return [...this.byShard.values()].find((session) => session.sessionId === sessionId);
  }

  /** The shard count clients identified with (1 before any did). */
  get shardCount(): number {
    return this.byShard.values().next().value?.shard[1] ?? 1;
  }

  owns(session: GatewaySession, guildId: string): boolean {
    return shardOfGuild(guildId, session.shard[1]) === session.shard[0];
  }

  get connected(): boolean {
    return [...this.byShard.values()].some((session) => session.socket !== undefined);
  }

  /** Closes every shard's connection from Discord's side; the sessions stay for RESUME. */
  closeAll(code: number, reason: string): void {
    for (const session of this.byShard.values()) {
      session.socket?.close(code, reason);
      session.socket = undefined;
    }
  }

  detach(socket: WebSocket): void {
    for (const session of this.byShard.values()) if (session.socket === socket) session.socket = undefined;
  }

  /** Sends the event on the shard that owns its guild; kept there while that shard is disconnected. */
  dispatch(event: string, data: unknown): void {
    const guildId = guildOfEvent(event, data);
    const shard = guildId === undefined ? 0 : shardOfGuild(guildId, this.shardCount);
    const session = this.byShard.get(shard);
    if (session === undefined) return;
    this.send(session, event, data);
  }

  send(session: GatewaySession, event: string, data: unknown): void {
    session.seq += 1;
    const payload = JSON.stringify({ op: 0, t: event, s: session.seq, d: data });
    session.dispatched.push({ s: session.seq, payload });
    if (session.dispatched.length > 1000) session.dispatched.shift();
    session.socket?.send(payload);
  }
}
