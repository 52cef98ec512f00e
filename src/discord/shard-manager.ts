/**
 * `footnote start --shards auto|N`: one process per Discord shard on this machine, through discord.js's
 * ShardingManager. Each child is this same command (`start`), told its shard by the manager's environment
 * (SHARDS, SHARD_COUNT; read in config.ts); a child that dies is started again. With several machines, run
 * `start` on each with SHARD_COUNT and SHARD_IDS instead (docs/scaling.md).
 */
import { once } from 'node:events';
import { ShardingManager } from 'discord.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** Discord's recommendation for this bot (GET /gateway/bot), from the configured API (a proxy, or the tests' fake). */
export async function recommendedShardCount(config: Config, fetchImpl: typeof fetch = fetch): Promise<number> {
  const response = await fetchImpl(`${config.discord.apiUrl}/v10/gateway/bot`, { headers: { Authorization: `Bot ${config.discord.token ?? ''}` } });
  if (!response.ok) throw new Error(`Discord did not say how many shards to run (GET /gateway/bot: ${response.status}); pass --shards N instead of auto`);
  const body = (await response.json()) as { shards?: unknown };
  if (typeof body.shards !== 'number' || !Number.isInteger(body.shards) || body.shards < 1)
    throw new Error('Discord answered GET /gateway/bot without a shard count; pass --shards N instead of auto');
  return body.shards;
}

export interface RunShardsOptions {
  readonly config: Config;
  readonly logger: Logger;
  /** 'auto' (Discord's recommendation) or a number of shards. */
  readonly shards: string;
  /** The script each shard process runs with `start` (the running footnote command). */
  readonly script: string;
  readonly execArgv?: readonly string[];
}

/** Starts the shard processes and waits for SIGINT/SIGTERM; returns the exit code. */
export async function runShards(options: RunShardsOptions): Promise<number> {
  const { config, logger } = options;
  const count = options.shards === 'auto' ? await recommendedShardCount(config) : Number(options.shards);
  if (!Number.isInteger(count) || count < 1 || count > 10_000) throw new Error(`--shards takes auto or a whole number from 1, not “${options.shards}”`);
  const manager = new ShardingManager(options.script, {
    ...(config.discord.token === undefined ? {} : { token: config.discord.token }),
    totalShards: count,
    shardArgs: ['start'],
    execArgv: [...(options.execArgv ?? [])],
    mode: 'process',
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    logger.info('shard process started', { shardId: shard.id, shards: count });
    shard.on('death', () => logger.warn('shard process ended; starting it again', { shardId: shard.id }));
  });
  await manager.spawn({ amount: count, delay: 0, timeout: 120_000 });
  const signal = await Promise.race([once(process, 'SIGTERM').then(() => 'SIGTERM'), once(process, 'SIGINT').then(() => 'SIGINT')]);
  logger.info('stopping the shard processes', { signal });
  manager.respawn = false;
  // Each child finishes what it is answering (SIGTERM), as `start` does alone.
  const exits = [...manager.shards.values()].flatMap((shard) => (shard.process === null ? [] : [once(shard.process, 'exit')]));
  for (const shard of manager.shards.values()) shard.kill();
  await Promise.all(exits);
  return 0;
}
