import type { Command, CommandRequest, CommandServices } from '../command.js';
import { slashCommand } from '../command.js';
import { booleanOption, documentOption, stringOption } from '../command.js';
import { documentTitles, findDocument } from '../../corpus/find-document.js';
import { matchingChoices } from '../autocomplete.js';
import { answerReply } from '../answer-reply.js';
import { MAX_QUESTION_CHARACTERS } from '../../answering/check-question.js';
import { errorReply } from '../reply.js';
import type { Reply } from '../reply.js';

/** Asks the engine and saves the answer so its 👍/👎 buttons can be recorded later. Shared with mentions. */
export async function answerQuestion(question: string, request: CommandRequest, services: CommandServices): Promise<Reply> {
  const typed = stringOption(request, 'document')?.trim() ?? '';
  const chosen = typed === '' ? undefined : findDocument(services.engine.corpus, typed);
  if (chosen !== undefined && !chosen.ok) return errorReply(chosen.problem.message);
  const outcome = await services.engine.ask(question, {
    conversationId: request.conversationId,
    ...(request.signal === undefined ? {} : { signal: request.signal }),
    ...(chosen === undefined ? {} : { documentId: chosen.document.id }),
  });
  if (!outcome.ok) return errorReply(outcome.problem.message);
  const { answer } = outcome;
  const answerId = services.newId();
  const saved = await services.feedback.saveAnswer({
    id: answerId,
    question: answer.question,
    answer: answer.answer,
    quotes: answer.quotes,
    mode: answer.mode,
    userId: request.user.id,
    guildId: request.guildId,
    channelId: request.channelId,
    createdAt: services.now(),
  });
  return answerReply(answer, {
    answerId: saved.ok ? answerId : undefined,
    showDocument: services.engine.corpus.documents.length > 1,
    chatModel: services.engine.config.llm?.chatModel,
    ...(saved.ok ? {} : { feedbackProblem: saved.message }),
  });
}

export const askCommand = {
  data: slashCommand('ask', 'Ask a question about the text; the answer quotes it verbatim, with citations.')
    .addStringOption((option) => option.setName('question').setDescription('Your question').setRequired(true).setMaxLength(MAX_QUESTION_CHARACTERS))
    .addBooleanOption((option) => option.setName('private').setDescription('Only you see the answer'))
    .addStringOption(documentOption)
    .toJSON(),
  isPrivate: (request) => booleanOption(request, 'private') === true,
  slow: true,
  cooldown: true,
  async execute(request, services) {
    return answerQuestion(stringOption(request, 'question') ?? '', request, services);
  },
  autocomplete(focused, services) {
    return matchingChoices(documentTitles(services.engine.corpus), focused.value);
  },
} satisfies Command;
