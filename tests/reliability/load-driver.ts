/**
 * Drives /ask load through the fake Discord and reads what a user would see: when each interaction was
 * acknowledged (Discord drops it after 3 s), when its answer arrived, and whether the answer is to its own
 * question. Shared by tests/load/burst-and-soak.test.ts (nothing lost) and scripts/load-test.ts (the figures).
 */
import type { FakeDiscord, FakeUser, RecordedRequest, SentInteraction } from '../fakes/fake-discord.js';
import { snowflake } from '../fakes/fake-discord.js';
import { loadQuestions } from './load-questions.js';

export const interactionDeadlineMs = 3_000;

/** Reads the fake's request log once, however long it grows: each request is looked at when Discord has answered it. */
export class AnswerTracker {
  readonly deferrals = new Map<string, RecordedRequest>();
  readonly answers = new Map<string, RecordedRequest>();
  private scanned = 0;

  constructor(private readonly fake: FakeDiscord) {}

  update(): void {
    const { requests } = this.fake;
    for (let request = requests[this.scanned]; request !== undefined && request.status !== 0; request = requests[this.scanned]) {
      this.scanned += 1;
      const callback = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(request.path);
      if (callback?.[1] !== undefined && !this.deferrals.has(callback[1])) this.deferrals.set(callback[1], request);
      const edit = /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/.exec(request.path);
      if (edit?.[1] !== undefined && request.method === 'PATCH' && request.status === 200) this.answers.set(edit[1], request);
    }
  }
}

export function readers(count: number): FakeUser[] {
  return Array.from({ length: count }, (_, index) => ({
    id: snowflake(),
    username: `reader-${index}`,
    global_name: `Reader ${index}`,
    discriminator: '0',
    avatar: null,
  }));
}

export interface InteractionTiming {
  readonly interaction: SentInteraction;
  readonly question: string;
  /** From dispatch to the deferral reaching Discord (wall time); undefined if it never did. */
  readonly deferralMs: number | undefined;
  /** The same on the fake's clock (the bot's own time): what Discord's deadline is held to. */
  readonly deferralOwnMs: number | undefined;
  readonly deferralStatus: number | undefined;
  readonly answerMs: number | undefined;
  /** The answer's footer names this interaction's own question. */
  readonly answersItsQuestion: boolean;
}

export interface BurstResult {
  readonly timings: readonly InteractionTiming[];
  /** From the first dispatch to the last answer. */
  readonly seconds: number;
}

/** The question an answer names: its last embed's footer, "Q: …" (the reply layout of src/commands/answer-reply.ts). */
function questionNamedIn(request: RecordedRequest): string {
  const embeds = (request.body as { embeds?: { footer?: { text?: string } }[] } | undefined)?.embeds ?? [];
  const footer = embeds.at(-1)?.footer?.text ?? '';
  return footer.startsWith('Q: ') ? (footer.slice(3).split('\n')[0] ?? '') : '';
}

/** A question of plain words reads back the same, except for any markdown escapes. */
function sameQuestion(named: string, question: string): boolean {
  return named.replaceAll('\\', '') === question;
}

function timingOf(tracker: AnswerTracker, interaction: SentInteraction, question: string): InteractionTiming {
  const deferral = tracker.deferrals.get(interaction.token);
  const answer = tracker.answers.get(interaction.token);
  return {
    interaction,
    question,
    deferralMs: deferral === undefined ? undefined : deferral.at - interaction.dispatchedAt,
    deferralOwnMs: deferral === undefined ? undefined : deferral.onClock - interaction.dispatchedOnClock,
    deferralStatus: deferral?.status,
    answerMs: answer === undefined ? undefined : answer.at - interaction.dispatchedAt,
    answersItsQuestion: answer !== undefined && sameQuestion(questionNamedIn(answer), question),
  };
}

/** `count` members each send one /ask in the same instant; resolves when all are answered or `timeoutMs` passed. */
export async function sendBurst(fake: FakeDiscord, options: { readonly count: number; readonly timeoutMs?: number }): Promise<BurstResult> {
  const tracker = new AnswerTracker(fake);
  const members = readers(options.count);
  const sent = members.map((user, index) => {
    const question = loadQuestions[index % loadQuestions.length] ?? '';
    return { question, interaction: fake.sendSlashCommand({ name: 'ask', options: { question }, user }) };
  });
  const started = sent[0]?.interaction.dispatchedAt ?? Date.now();
  await fake
    .waitFor(
      () => {
        tracker.update();
        return sent.every(({ interaction }) => tracker.answers.has(interaction.token));
      },
      { timeoutMs: options.timeoutMs ?? 30_000, what: `${options.count} answers` },
    )
    .catch(() => undefined);
  tracker.update();
  const timings = sent.map(({ interaction, question }) => timingOf(tracker, interaction, question));
  const lastAnswer = Math.max(...timings.map((timing) => (timing.answerMs ?? 0) + timing.interaction.dispatchedAt));
  return { timings, seconds: (lastAnswer - started) / 1000 };
}

export interface SoakResult {
  readonly asks: number;
  readonly answered: number;
  /** Acknowledged too late (Discord dropped them) or refused with a message instead of an answer. */
  readonly unanswered: number;
  readonly lateDeferrals: number;
  readonly seconds: number;
}

/**
 * `asks` questions from `members` members, at most `inFlight` waiting for their answer at a time (a busy
 * channel, not a burst). Questions cycle through the load set, so conversations get follow-ups.
 */
export async function sendSoak(
  fake: FakeDiscord,
  options: { readonly asks: number; readonly members: number; readonly inFlight: number; readonly timeoutMs?: number },
): Promise<SoakResult> {
  const tracker = new AnswerTracker(fake);
  const members = readers(options.members);
  const pending = new Set<SentInteraction>();
  let sent = 0;
  let answered = 0;
  let unanswered = 0;
  let lateDeferrals = 0;
  const started = Date.now();
  const send = () => {
    const question = loadQuestions[sent % loadQuestions.length] ?? '';
    pending.add(fake.sendSlashCommand({ name: 'ask', options: { question }, user: members[sent % members.length] ?? fake.member }));
    sent += 1;
  };
  while (sent < Math.min(options.inFlight, options.asks)) send();
  await fake.waitFor(
    () => {
      tracker.update();
      for (const interaction of pending) {
        const deferral = tracker.deferrals.get(interaction.token);
        const deferred = deferral?.status === 204 && (deferral.body as { type?: number } | undefined)?.type === 5;
        if (tracker.answers.has(interaction.token)) answered += 1;
        else if (deferral !== undefined && !deferred) unanswered += 1;
        else continue;
        pending.delete(interaction);
        if (!deferred || (deferral?.onClock ?? Infinity) - interaction.dispatchedOnClock > interactionDeadlineMs) lateDeferrals += 1;
        if (sent < options.asks) send();
      }
      return answered + unanswered === options.asks;
    },
    { timeoutMs: options.timeoutMs ?? 600_000, what: `${options.asks} answers` },
  );
  return { asks: options.asks, answered, unanswered, lateDeferrals, seconds: (Date.now() - started) / 1000 };
}

export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}
