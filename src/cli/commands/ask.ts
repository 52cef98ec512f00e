import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConversationStore } from '../../conversation/conversation-store.js';
import { loadConfig } from '../../config.js';
import { writeFileAtomic } from '../../files/write-file-atomic.js';
import { findDocument } from '../../corpus/find-document.js';
import { documentFlag } from '../document-groups.js';
import { parseArguments, UsageError, writeLine, type CliCommand } from '../cli-command.js';
import { answerJson, formatAnswerText } from '../format-answer.js';
import { openEngineForCli } from '../open-engine-for-cli.js';
import { serverFlag } from '../server-flag.js';

export const askCliCommand = {
  name: 'ask',
  summary: 'Answer a question with verbatim, cited quotes (or say the text does not answer it).',
  usage: 'ask "question" [--document TITLE] [--server ID] [--json] [--conversation ID]',
  async run(args, io) {
    const parsed = parseArguments(args, { booleans: ['json'], values: ['conversation', 'document', 'server'] });
    const json = parsed.flags.has('json');
    if (parsed.positionals.length === 0) throw new UsageError('give the question in quotes, e.g. npx footnote ask "Why did Baku close the Russian House?"');
    const question = parsed.positionals.join(' ');
    const conversationId = parsed.flags.get('conversation');
    if (conversationId === true) throw new UsageError('--conversation needs an id');

    const config = await loadConfig();
    const conversations = new ConversationStore({ maxTurns: config.conversation.maxTurns, ttlMs: config.conversation.ttlMs });
    const conversationFile = path.join(config.dataDir, 'conversations.json');
    if (conversationId !== undefined) conversations.restore(await readFile(conversationFile, 'utf8').then(JSON.parse, () => undefined));

    const opened = await openEngineForCli(io, { conversations });
    const serverId = serverFlag(parsed.flags);
    // The bot's database and the library code are loaded only for --server (pg and better-sqlite3 take ~0.2 s).
    const engine =
      serverId === undefined
        ? opened.engine
        : await (await import('../server-library.js')).openServerEngine(opened.config, opened.logger, serverId, opened.engine, conversations);
    const typed = documentFlag(parsed.flags);
    const chosen = typed === undefined ? undefined : findDocument(engine.corpus, typed);
    if (chosen !== undefined && !chosen.ok) throw new UsageError(chosen.problem.message);
    const outcome = await engine.ask(question, {
      ...(conversationId !== undefined ? { conversationId } : {}),
      ...(chosen === undefined ? {} : { documentId: chosen.document.id }),
    });
    if (!outcome.ok) {
      if (json) writeLine(io.stdout, JSON.stringify({ error: outcome.problem }));
      else writeLine(io.stderr, outcome.problem.message);
      return 2;
    }
    if (conversationId !== undefined) {
      await mkdir(config.dataDir, { recursive: true });
      await writeFileAtomic(conversationFile, JSON.stringify(conversations.snapshot()));
    }
    writeLine(io.stdout, json ? JSON.stringify(answerJson(outcome.answer)) : formatAnswerText(outcome.answer));
    return 0;
  },
} satisfies CliCommand;
