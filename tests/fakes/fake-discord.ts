/**
 * A local fake of Discord for tests: the REST API over HTTP and the gateway over WebSocket, both on 127.0.0.1,
 * close enough to the real thing that the unmodified discord.js Client logs in, receives events and answers
 * through it. Every request is recorded; JSON bodies are checked against Discord's OpenAPI description when a
 * validator is given. Faults can be injected: REST errors and 429s, gateway closes with any code.
 *
 * Like Discord it refuses an interaction callback after the 3-second deadline (10062 Unknown interaction) or a
 * second time (40060). The deadline is measured on the bot's own time (see own-time-clock.ts), not the wall
 * clock, so a test on a busy machine fails only when the bot itself is late; an edit of @original before the callback (10015 Unknown Webhook), and a file larger than
 * the interaction's `attachment_size_limit` (40005). Uploads (multipart/form-data) are parsed: `payload_json`
 * becomes the body, and the files are recorded.
 */
import { GatewaySessions } from './gateway-sessions.js';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { DiscordApiValidator } from './discord-openapi.js';
import { OwnTimeClock } from '../helpers/own-time-clock.js';
import type { Clock } from '../helpers/own-time-clock.js';

export interface RecordedFile {
  /** The form field, e.g. "files[0]". */
  readonly field: string;
  readonly name: string;
  readonly contentType: string;
  readonly data: Buffer;
}

export interface RecordedRequest {
  readonly method: string;
  /** After /api/v10, without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The JSON body, or an upload's `payload_json`. */
  readonly body: unknown;
  /** The files of a multipart/form-data upload. */
  readonly files: readonly RecordedFile[];
  readonly headers: IncomingMessage['headers'];
  /** Wall time, for reports. */
  readonly at: number;
  /** On the fake's clock: what deadlines are measured in. */
  readonly onClock: number;
  /** The status the fake answered with. */
  status: number;
}

export interface InjectedFault {
  readonly method?: string;
  readonly path: RegExp;
  readonly status: number;
  /** For 429: seconds, sent as Retry-After. */
  readonly retryAfter?: number;
  readonly global?: boolean;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Discord's JSON error code in the body (50013 Missing Permissions, 50001 Missing Access…); 0 by default. */
  readonly code?: number;
}

export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly global_name: string | null;
  readonly discriminator: string;
  readonly avatar: string | null;
  readonly bot?: boolean;
}

export interface SentInteraction {
  readonly id: string;
  readonly token: string;
  /** Wall time, for reports. */
  readonly dispatchedAt: number;
  /** On the fake's clock: what the 3-second deadline is measured from. */
  readonly dispatchedOnClock: number;
}

export interface FakeMessage {
  readonly id: string;
  readonly channel_id: string;
  readonly guild_id?: string;
  readonly author: FakeUser;
  readonly content: string;
  readonly embeds: unknown[];
  readonly components: unknown[];
  readonly [key: string]: unknown;
}

export interface FakeDiscordOptions {
  readonly validator?: DiscordApiValidator | undefined;
  readonly heartbeatIntervalMs?: number;
  readonly attachmentSizeLimit?: number;
  /** What deadlines and waits are measured on; by default the bot's own time (OwnTimeClock). */
  readonly clock?: Clock;
  /** What GET /gateway/bot recommends (shards) and allows at once (max_concurrency); 1 and 1 by default. */
  readonly recommendedShards?: number;
  readonly maxConcurrency?: number;
}

export const permissionBits = {
  none: 0n,
  sendMessages: 0x800n,
  manageGuild: 0x20n,
  administrator: 0x8n,
} as const;

const discordEpoch = 1_420_070_400_000n;
let sequence = 0n;

/** A real-looking snowflake (18–19 digits: @discordjs/rest buckets routes by those). */
export function snowflake(): string {
  sequence = (sequence + 1n) % 4096n;
  return (((BigInt(Date.now()) - discordEpoch) << 22n) | sequence).toString();
}

export const interactionDeadlineMs = 3_000;
const memberPermissions = permissionBits.sendMessages | 0x400n | 0x4000n | 0x10000n | 0x800000000n;

function user(id: string, username: string, bot = false): FakeUser {
  return { id, username, global_name: bot ? null : username, discriminator: '0', avatar: null, ...(bot ? { bot: true } : {}) };
}

export class FakeDiscord {
  readonly token = 'ZmFrZS1ib3QtdG9rZW4.fake.token-for-tests-only';
  readonly applicationId = snowflake();
  readonly botUser: FakeUser;
  readonly guildId = snowflake();
  private readonly attachmentFiles = new Map<string, { data: Buffer; contentType: string }>();
  readonly channelId = snowflake();
  readonly member: FakeUser = user(snowflake(), 'reader');
  readonly moderator: FakeUser = user(snowflake(), 'moderator');
  readonly requests: RecordedRequest[] = [];
  /** Requests whose body Discord's API description rejects, with the reasons. */
  readonly invalidRequests: { readonly request: RecordedRequest; readonly problems: string[] }[] = [];
  readonly messages: FakeMessage[] = [];
  readonly threads = new Map<string, { readonly id: string; readonly parentId: string; readonly name: string; readonly ownerId: string }>();
  readonly registeredCommands = new Map<string, unknown[]>();
  /** What each interaction announces as the largest file it accepts (by default 10 MiB, a server without boosts). */
  readonly attachmentSizeLimit: number;
  identifyCount = 0;
  resumeCount = 0;
  heartbeatCount = 0;

  private readonly server: Server;
  private readonly gateway: WebSocketServer;
  private readonly validator: DiscordApiValidator | undefined;
  private readonly faults: InjectedFault[] = [];
  private readonly interactions = new Map<
    string,
    SentInteraction & {
      acknowledged: boolean;
      original?: Record<string, unknown>;
      messageId: string;
      channelId: string | undefined;
      guildId: string | undefined;
    }
  >();
  private readonly waiters = new Set<() => void>();
  /** One gateway session per shard (gateway-sessions.ts). */
  readonly sessions = new GatewaySessions();
  private readonly recommendedShards: number;
  private readonly maxConcurrency: number;
  private readonly dmChannels = new Set<string>();
  private readonly heartbeatIntervalMs: number;
  private readonly clock: Clock;
  private port = 0;

  private constructor(options: FakeDiscordOptions) {
    this.botUser = user(this.applicationId, 'footnote', true);
    this.attachmentSizeLimit = options.attachmentSizeLimit ?? 10_485_760;
    this.validator = options.validator;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.recommendedShards = options.recommendedShards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 1;
    this.clock = options.clock ?? new OwnTimeClock();
    this.server = createServer((request, response) => void this.onHttp(request, response));
    this.gateway = new WebSocketServer({ server: this.server });
    this.gateway.on('connection', (socket) => this.onGatewayConnection(socket));
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.server.listen(0, '127.0.0.1');
    await once(fake.server, 'listening');
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What DISCORD_API_URL / discord.js's `rest.api` points at. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  get connected(): boolean {
    return this.sessions.connected;
  }

  async stop(): Promise<void> {
    for (const client of this.gateway.clients) client.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The bot runs in process `pid`: its waits for a CPU do not count against its deadlines either. */
  watchProcess(pid: number): void {
    if (this.clock instanceof OwnTimeClock) this.clock.watch(pid);
  }

  /** The fake's clock (see FakeDiscordOptions.clock). */
  now(): number {
    return this.clock.now();
  }

  /** From dispatch to the callback Discord accepted, on the fake's clock; undefined if none was accepted. */
  acknowledgementDelayMs(interaction: SentInteraction): number | undefined {
    const accepted = this.requestsFor(interaction).find((request) => request.path.endsWith('/callback') && request.status >= 200 && request.status < 300);
    return accepted === undefined ? undefined : accepted.onClock - interaction.dispatchedOnClock;
  }

  /** Makes the next `times` requests matching `path` (and `method`) fail with `status`. */
  failNext(fault: InjectedFault): void {
    this.faults.push({ times: 1, ...fault });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  // ---------------------------------------------------------------- waiting

  /**
   * Resolves once `check` returns a value (checked after every request and gateway event, and every 50 ms for
   * outside state). The timeout is a safety net measured on the fake's clock, so a busy machine does not trip it.
   */
  async waitFor<T>(check: () => T | undefined | false, options: { timeoutMs?: number; what?: string } = {}): Promise<T> {
    const first = check();
    if (first !== undefined && first !== false) return first;
    const timeoutMs = options.timeoutMs ?? 30_000;
    const started = this.clock.now();
    return new Promise<T>((resolve, reject) => {
      const finish = () => {
        clearInterval(poll);
        this.waiters.delete(waiter);
      };
      const waiter = () => {
        const value = check();
        if (value === undefined || value === false) return;
        finish();
        resolve(value);
      };
      const poll = setInterval(() => {
        waiter();
        if (!this.waiters.has(waiter) || this.clock.now() - started <= timeoutMs) return;
        finish();
        reject(
          new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${options.what ?? 'a condition'}; requests so far:\n${this.describeRequests()}`),
        );
      }, 50);
      this.waiters.add(waiter);
    });
  }

  async waitForRequest(predicate: (request: RecordedRequest) => boolean, options: { timeoutMs?: number; what?: string } = {}): Promise<RecordedRequest> {
    return this.waitFor(() => this.requests.find(predicate), options);
  }

  requestsFor(interaction: { readonly token: string }): RecordedRequest[] {
    return this.requests.filter((request) => request.path.includes(`/${interaction.token}`));
  }

  describeRequests(): string {
    return this.requests.map((request) => `  ${request.method} ${request.path} → ${request.status}`).join('\n');
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  // ---------------------------------------------------------------- gateway

  /** Closes the gateway connection from Discord's side (4000: unknown error, which clients resume after). */
  closeGateway(code = 4000, reason = 'fake Discord closed the connection'): void {
    this.sessions.closeAll(code, reason);
  }

  private onGatewayConnection(socket: WebSocket): void {
    socket.on('message', (raw) => this.onGatewayMessage(socket, (raw as Buffer).toString()));
    socket.on('close', () => this.sessions.detach(socket));
    this.sendRaw(socket, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null });
  }

  private sendRaw(socket: WebSocket, payload: unknown): void {
    socket.send(JSON.stringify(payload));
  }

  private onGatewayMessage(socket: WebSocket, raw: string): void {
    const payload = JSON.parse(raw) as { op: number; d: Record<string, unknown> | number | null };
    switch (payload.op) {
      case 1:
        this.heartbeatCount += 1;
        this.sendRaw(socket, { op: 11, d: null, s: null, t: null });
        break;
      case 2: {
        const data = payload.d as { token: string; shard?: [number, number] };
        if (data.token !== this.token) {
          socket.close(4004, 'Authentication failed');
          return;
        }
        const shard = data.shard ?? [0, 1];
        if (!(shard[1] >= 1 && shard[0] >= 0 && shard[0] < shard[1])) {
          socket.close(4010, 'Invalid shard');
          return;
        }
        this.identifyCount += 1;
        const session = this.sessions.identify(socket, `session-${snowflake()}`, shard);
        const owned = this.sessions.owns(session, this.guildId);
        this.sessions.send(session, 'READY', {
          v: 10,
          user: { ...this.botUser, verified: true, mfa_enabled: false, flags: 0 },
          guilds: owned ? [{ id: this.guildId, unavailable: true }] : [],
          session_id: session.sessionId,
          resume_gateway_url: this.gatewayUrl,
          shard,
          application: { id: this.applicationId, flags: 0 },
          private_channels: [],
        });
        if (owned) this.sessions.send(session, 'GUILD_CREATE', this.guildPayload());
        break;
      }
      case 6: {
        const data = payload.d as { token: string; session_id: string; seq: number };
        const session = this.sessions.bySessionId(data.session_id);
        if (data.token !== this.token || session === undefined) {
          this.sendRaw(socket, { op: 9, d: false, s: null, t: null });
          return;
        }
        this.resumeCount += 1;
        session.socket = socket;
        // Replay what the client missed while it was away, then confirm.
        for (const missed of session.dispatched.filter((event) => event.s > data.seq)) socket.send(missed.payload);
        this.sessions.send(session, 'RESUMED', {});
        break;
      }
      default:
        break;
    }
    this.notify();
  }

  /**
   * Sends a dispatch event on the shard that owns its guild; while that shard is disconnected it is kept and
   * replayed on RESUME, as Discord does.
   */
  dispatch(event: string, data: unknown): void {
    this.sessions.dispatch(event, data);
  }

  private channelPayload(): Record<string, unknown> {
    return {
      id: this.channelId,
      type: 0,
      guild_id: this.guildId,
      name: 'reading-group',
      position: 0,
      permission_overwrites: [],
      topic: null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
      flags: 0,
    };
  }

  private guildPayload(): Record<string, unknown> {
    return {
      id: this.guildId,
      name: 'Study group',
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.moderator.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id: this.guildId,
          name: '@everyone',
          permissions: memberPermissions.toString(),
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: 3,
      voice_states: [],
      members: [{ user: this.botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
      channels: [this.channelPayload()],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private memberPayload(who: FakeUser, permissions: bigint): Record<string, unknown> {
    return {
      user: who,
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      nick: null,
      avatar: null,
      permissions: permissions.toString(),
    };
  }

  private interactionBase(options: {
    user?: FakeUser;
    permissions?: bigint;
    channelId?: string;
    dm?: boolean;
    roles?: string[];
    guildId?: string;
  }): Record<string, unknown> & { id: string; token: string } {
    const guildId = options.guildId ?? this.guildId;
    const who = options.user ?? this.member;
    const id = snowflake();
    const token = `interaction-token-${id}`;
    const channelId = options.channelId ?? this.channelId;
    const common = {
      id,
      token,
      application_id: this.applicationId,
      version: 1,
      locale: 'en-US',
      app_permissions: '2248473465835073',
      // discord.js rejects an interaction without it.
      entitlements: [],
      attachment_size_limit: this.attachmentSizeLimit,
    };
    if (options.dm === true) {
      const dmChannel = options.channelId ?? snowflake();
      this.dmChannels.add(dmChannel);
      return {
        ...common,
        channel_id: dmChannel,
        channel: { id: dmChannel, type: 1, recipients: [who] },
        user: who,
        context: 1,
        authorizing_integration_owners: { '0': this.guildId },
      };
    }
    const thread = this.threads.get(channelId);
    const channel = thread === undefined ? this.channelPayload() : this.threadPayload(thread);
    return {
      ...common,
      guild_id: guildId,
      guild: { id: guildId, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      channel_id: channelId,
      channel,
      member: { ...this.memberPayload(who, options.permissions ?? memberPermissions), roles: options.roles ?? [] },
      context: 0,
      authorizing_integration_owners: { '0': guildId },
    };
  }

  private remember(base: { id: string; token: string }, channelId: string | undefined, guildId: string | undefined): SentInteraction {
    const sent = {
      id: base.id,
      token: base.token,
      dispatchedAt: Date.now(),
      dispatchedOnClock: this.clock.now(),
      acknowledged: false,
      messageId: snowflake(),
      channelId,
      guildId,
    };
    this.interactions.set(base.token, sent);
    return sent;
  }

  /** A user runs a slash command: INTERACTION_CREATE type 2. */
  sendSlashCommand(options: {
    name: string;
    options?: Record<string, string | number | boolean>;
    user?: FakeUser;
    permissions?: bigint;
    channelId?: string;
    dm?: boolean;
    /** "/library add": the options go inside this subcommand. */
    subcommand?: string;
    /** Files attached to attachment options: served by this fake over HTTP, like Discord's CDN. */
    attachments?: Record<string, { name: string; data: Buffer; contentType?: string }>;
    /** Role options (type 8), by option name: the role id. */
    roleOptions?: Record<string, string>;
    /** The member's roles. */
    roles?: string[];
    /** Another server than the fake's own (for isolation tests). */
    guildId?: string;
  }): SentInteraction {
    const base = this.interactionBase(options);
    const guildId = options.guildId ?? this.guildId;
    const types = { string: 3, number: 10, boolean: 5 } as const;
    const resolvedAttachments: Record<string, unknown> = {};
    const commandOptions: Record<string, unknown>[] = Object.entries(options.options ?? {}).map(([name, value]) => ({
      name,
      type: typeof value === 'number' ? (Number.isInteger(value) ? 4 : types.number) : types[typeof value as 'string' | 'boolean'],
      value,
    }));
    for (const [name, role] of Object.entries(options.roleOptions ?? {})) commandOptions.push({ name, type: 8, value: role });
    for (const [name, file] of Object.entries(options.attachments ?? {})) {
      const id = snowflake();
      this.attachmentFiles.set(id, { data: file.data, contentType: file.contentType ?? 'application/octet-stream' });
      const url = `http://127.0.0.1:${this.port}/attachments/${id}/${encodeURIComponent(file.name)}`;
      resolvedAttachments[id] = { id, filename: file.name, size: file.data.length, url, proxy_url: url, content_type: file.contentType };
      commandOptions.push({ name, type: 11, value: id });
    }
    const dataOptions = options.subcommand === undefined ? commandOptions : [{ name: options.subcommand, type: 1, options: commandOptions }];
    const payload = {
      ...base,
      type: 2,
      data: {
        id: snowflake(),
        name: options.name,
        type: 1,
        options: dataOptions,
        ...(Object.keys(resolvedAttachments).length > 0 ? { resolved: { attachments: resolvedAttachments } } : {}),
        ...(options.dm === true ? {} : { guild_id: guildId }),
      },
    };
    const sent = this.remember(base, base['channel_id'] as string, options.dm === true ? undefined : guildId);
    this.dispatch('INTERACTION_CREATE', payload);
    return sent;
  }

  /** A user types in an autocomplete option: INTERACTION_CREATE type 4. */
  sendAutocomplete(options: { name: string; focused: string; value: string; user?: FakeUser; guildId?: string; subcommand?: string }): SentInteraction {
    const base = this.interactionBase(options);
    const guildId = options.guildId ?? this.guildId;
    const focused = [{ name: options.focused, type: 3, value: options.value, focused: true }];
    const payload = {
      ...base,
      type: 4,
      data: {
        id: snowflake(),
        name: options.name,
        type: 1,
        options: options.subcommand === undefined ? focused : [{ name: options.subcommand, type: 1, options: focused }],
        guild_id: guildId,
      },
    };
    const sent = this.remember(base, this.channelId, guildId);
    this.dispatch('INTERACTION_CREATE', payload);
    return sent;
  }

  /** A user clicks a button under `message`: INTERACTION_CREATE type 3. */
  clickButton(options: { customId: string; message: FakeMessage; user?: FakeUser; guildId?: string }): SentInteraction {
    const base = this.interactionBase({ ...options, channelId: options.message.channel_id });
    const payload = { ...base, type: 3, message: options.message, data: { custom_id: options.customId, component_type: 2 } };
    const sent = this.remember(base, options.message.channel_id, options.guildId ?? this.guildId);
    this.dispatch('INTERACTION_CREATE', payload);
    return sent;
  }

  /** A user posts in a channel (or a thread, or a DM with `dm`). Mentions of the bot are filled in from `<@id>`. */
  sendUserMessage(options: { content: string; channelId?: string; user?: FakeUser; dm?: boolean }): FakeMessage {
    const who = options.user ?? this.member;
    const dm = options.dm === true;
    const channelId = options.channelId ?? (dm ? snowflake() : this.channelId);
    if (dm) this.dmChannels.add(channelId);
    const mentioned = new RegExp(`<@!?${this.botUser.id}>`).test(options.content) ? [this.botUser] : [];
    const message: FakeMessage = {
      ...this.messageBase(channelId, who, options.content, [], []),
      mentions: mentioned,
      ...(dm ? { channel_type: 1 } : { guild_id: this.guildId, member: this.memberPayload(who, memberPermissions) }),
    };
    this.messages.push(message);
    this.dispatch('MESSAGE_CREATE', message);
    return message;
  }

  private messageBase(channelId: string, author: FakeUser, content: string, embeds: unknown[], components: unknown[]): FakeMessage {
    return {
      id: snowflake(),
      channel_id: channelId,
      author,
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds,
      components,
      pinned: false,
      type: 0,
      flags: 0,
    };
  }

  private threadPayload(thread: { id: string; parentId: string; name: string; ownerId: string }): Record<string, unknown> {
    return {
      id: thread.id,
      type: 11,
      guild_id: this.guildId,
      parent_id: thread.parentId,
      owner_id: thread.ownerId,
      name: thread.name,
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      flags: 0,
      thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false },
    };
  }

  // ---------------------------------------------------------------- REST

  private async onHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Events rather than an async iterator, and no URL object: the load test counts what the fake costs.
    const chunks = await new Promise<Buffer[]>((resolve, reject) => {
      const received: Buffer[] = [];
      request.on('data', (chunk: Buffer) => received.push(chunk));
      request.once('end', () => resolve(received));
      request.once('error', reject);
    });
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const url = { pathname: queryAt < 0 ? target : target.slice(0, queryAt), searchParams: new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1)) };
    // Attachments, as Discord's CDN serves them (outside the API: not recorded or validated).
    const attachment = /^\/attachments\/(\d+)\//.exec(url.pathname);
    if (attachment !== null) {
      const file = this.attachmentFiles.get(attachment[1] ?? '');
      if (file === undefined) return void response.writeHead(404).end();
      return void response.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.data.length) }).end(file.data);
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    const contentType = request.headers['content-type'] ?? '';
    let body: unknown;
    const files: RecordedFile[] = [];
    if (raw !== '' && contentType.includes('application/json')) body = JSON.parse(raw);
    if (contentType.startsWith('multipart/form-data')) {
      // Node's own fetch Response parses multipart bodies; no form-data library needed.
      const form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': contentType } }).formData();
      for (const [field, value] of form) {
        if (typeof value === 'string') {
          if (field === 'payload_json') body = JSON.parse(value);
        } else {
          files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
        }
      }
    }
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(/^\/api\/v10/, ''),
      query: url.searchParams,
      body,
      files,
      headers: request.headers,
      at: Date.now(),
      onClock: this.clock.now(),
      status: 0,
    };
    this.requests.push(recorded);
    if (this.validator !== undefined) {
      // An upload is described field by field: the payload's keys and one binary "files[n]" per file.
      const problems =
        files.length > 0 || contentType.startsWith('multipart/form-data')
          ? this.validator.validate(
              recorded.method,
              recorded.path,
              { ...(body as Record<string, unknown> | undefined), ...Object.fromEntries(files.map((file) => [file.field, '(binary)'])) },
              'multipart/form-data',
            )
          : this.validator.validate(recorded.method, recorded.path, body);
      if (problems.length > 0) this.invalidRequests.push({ request: recorded, problems });
    }

    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      recorded.status = status;
      response.writeHead(status, payload === undefined ? headers : { 'content-type': 'application/json', ...headers });
      response.end(payload === undefined ? undefined : JSON.stringify(payload));
      this.notify();
    };

    const fault = this.faults.find(
      (candidate) =>
        (candidate.times ?? 0) > 0 && candidate.path.test(recorded.path) && (candidate.method === undefined || candidate.method === recorded.method),
    );
    if (fault !== undefined) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.status === 429) {
        const retryAfter = fault.retryAfter ?? 1;
        send(
          429,
          { message: 'You are being rate limited.', retry_after: retryAfter, global: fault.global === true },
          {
            'retry-after': String(retryAfter),
            'x-ratelimit-limit': '5',
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset-after': String(retryAfter),
            'x-ratelimit-bucket': 'fake-bucket',
            'x-ratelimit-scope': fault.global === true ? 'global' : 'user',
            ...(fault.global === true ? { 'x-ratelimit-global': 'true' } : {}),
          },
        );
      } else {
        send(fault.status, { message: `fake Discord: injected ${fault.status}`, code: fault.code ?? 0 });
      }
      return;
    }

    if (files.some((file) => file.data.length > this.attachmentSizeLimit)) {
      send(413, { message: 'Request entity too large', code: 40005 });
      return;
    }
    const reply = this.route(recorded);
    send(reply.status, reply.body);
  }

  private route(request: RecordedRequest): { status: number; body?: unknown } {
    const { method, path } = request;
    const body = (request.body ?? {}) as Record<string, unknown>;
    let match: RegExpExecArray | null;

    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: this.gatewayUrl,
          shards: this.recommendedShards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: this.maxConcurrency },
        },
      };
    }
    if (method === 'GET' && path === '/applications/@me') {
      return {
        status: 200,
        body: {
          id: this.applicationId,
          name: 'footnote',
          icon: null,
          description: '',
          bot_public: true,
          bot_require_code_grant: false,
          verify_key: 'fake',
          flags: 0,
        },
      };
    }
    if ((match = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path)) !== null && method === 'PUT') {
      const commands = (request.body as Record<string, unknown>[]).map((command) => ({
        ...command,
        id: snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        ...(match?.[2] === undefined ? {} : { guild_id: match[2] }),
      }));
      this.registeredCommands.set(match[2] ?? 'global', commands);
      return { status: 200, body: commands };
    }
    if ((match = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path)) !== null && method === 'POST') {
      const interaction = this.interactions.get(match[2] ?? '');
      if (interaction === undefined || request.onClock - interaction.dispatchedOnClock > interactionDeadlineMs)
        return { status: 404, body: { message: 'Unknown interaction', code: 10062 } };
      if (interaction.acknowledged) return { status: 400, body: { message: 'Interaction has already been acknowledged.', code: 40060 } };
      interaction.acknowledged = true;
      const data = (body['data'] ?? {}) as Record<string, unknown>;
      if (body['type'] === 4) {
        // The response creates the message, which buttons can then be clicked on.
        interaction.original = this.withAttachments(data, request.files);
        this.messages.push(this.webhookMessage(interaction, interaction.original));
      }
      if (request.query.get('with_response') !== 'true') return { status: 204 };
      return {
        status: 200,
        body: {
          interaction: {
            id: interaction.id,
            type: 2,
            activity_instance_id: null,
            response_message_id: interaction.messageId,
            response_message_loading: body['type'] === 5,
            response_message_ephemeral: (Number(data['flags'] ?? 0) & 64) !== 0,
          },
          resource: { type: body['type'], message: this.webhookMessage(interaction, data) },
        },
      };
    }
    if ((match = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path)) !== null) {
      const interaction = this.interactions.get(match[2] ?? '');
      if (interaction === undefined || !interaction.acknowledged || match[1] !== this.applicationId)
        return { status: 404, body: { message: 'Unknown Webhook', code: 10015 } };
      const target = match[3];
      if (target === undefined && method === 'POST') {
        const message = this.webhookMessage(interaction, this.withAttachments(body, request.files), snowflake());
        this.messages.push(message);
        return { status: 200, body: message };
      }
      if (target !== undefined && method === 'PATCH') {
        interaction.original = { ...interaction.original, ...this.withAttachments(body, request.files) };
        const message = this.webhookMessage(interaction, interaction.original);
        this.messages.push(message);
        return { status: 200, body: message };
      }
      if (target !== undefined && method === 'DELETE') return { status: 204 };
      if (target !== undefined && method === 'GET') return { status: 200, body: this.webhookMessage(interaction, interaction.original ?? {}) };
    }
    if ((match = /^\/channels\/(\d+)\/typing$/.exec(path)) !== null && method === 'POST') return { status: 204 };
    if ((match = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path)) !== null && method === 'POST') {
      const thread = {
        id: match[2] ?? snowflake(),
        parentId: match[1] ?? '',
        name: String((body['name'] as string | undefined) ?? ''),
        ownerId: this.botUser.id,
      };
      this.threads.set(thread.id, thread);
      const payload = this.threadPayload(thread);
      this.dispatch('THREAD_CREATE', { ...payload, newly_created: true });
      return { status: 201, body: payload };
    }
    if ((match = /^\/channels\/(\d+)\/messages$/.exec(path)) !== null && method === 'POST') {
      const channelId = match[1] ?? '';
      const inGuild = !this.dmChannels.has(channelId);
      const message: FakeMessage = {
        ...this.messageBase(
          channelId,
          this.botUser,
          String((body['content'] as string | undefined) ?? ''),
          (body['embeds'] as unknown[] | undefined) ?? [],
          (body['components'] as unknown[] | undefined) ?? [],
        ),
        ...(inGuild ? { guild_id: this.guildId } : {}),
        ...(body['message_reference'] === undefined ? {} : { message_reference: body['message_reference'], type: 19 }),
        allowed_mentions: body['allowed_mentions'],
      };
      this.messages.push(message);
      return { status: 200, body: message };
    }
    return { status: 404, body: { message: `fake Discord: no route for ${method} ${path}`, code: 0 } };
  }

  /** The message as Discord would store it: uploaded files become attachment objects. */
  private withAttachments(data: Record<string, unknown>, files: readonly RecordedFile[]): Record<string, unknown> {
    if (files.length === 0) return data;
    const attachments = files.map((file) => {
      const id = snowflake();
      const url = `https://cdn.discordapp.com/attachments/${this.channelId}/${id}/${encodeURIComponent(file.name)}`;
      return { id, filename: file.name, size: file.data.length, url, proxy_url: url, content_type: file.contentType };
    });
    return { ...data, attachments };
  }

  private webhookMessage(
    interaction: { messageId: string; channelId: string | undefined; guildId: string | undefined },
    data: Record<string, unknown>,
    id = interaction.messageId,
  ): FakeMessage {
    return {
      ...this.messageBase(
        interaction.channelId ?? this.channelId,
        this.botUser,
        String((data['content'] as string | undefined) ?? ''),
        (data['embeds'] as unknown[] | undefined) ?? [],
        (data['components'] as unknown[] | undefined) ?? [],
      ),
      id,
      ...(interaction.guildId === undefined ? {} : { guild_id: interaction.guildId }),
      flags: Number(data['flags'] ?? 0),
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      allowed_mentions: data['allowed_mentions'],
      ...(Array.isArray(data['attachments']) && data['attachments'].every((attachment) => typeof (attachment as { url?: unknown }).url === 'string')
        ? { attachments: data['attachments'] }
        : {}),
    };
  }
}
