import type { Command } from '../command.js';
import { personalCommand, slashCommand } from '../command.js';
import { accents } from '../reply.js';
import type { ReplyBlock } from '../reply.js';

function size(bytes: number): string {
  if (bytes >= 1_048_576) return `${(bytes / 1_048_576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function age(builtAt: string, now: Date): string {
  const minutes = Math.round((now.getTime() - Date.parse(builtAt)) / 60_000);
  if (!Number.isFinite(minutes)) return 'unknown';
  if (minutes < 1) return 'just now';
  if (minutes < 120) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} days ago`;
}

export const aboutCommand = {
  data: slashCommand('about', 'What footnote has read, how it answers, and how fresh its index is.').toJSON(),
  ...personalCommand,
  async execute(_request, services) {
    const { engine } = services;
    const { index, corpus } = engine;
    const documents = corpus.documents.map((document) => `${document.title}${document.date === undefined ? '' : ` (${document.date})`}`);
    const fresh = index.corpusHash === corpus.contentHash;
    const blocks: ReplyBlock[] = [
      { kind: 'field', name: corpus.documents.length === 1 ? 'Text' : `Texts (${corpus.documents.length})`, value: documents.join('; ') || 'none' },
      { kind: 'field', name: 'Paragraphs', value: String(engine.paragraphs().filter((paragraph) => paragraph.number > 0).length) },
      {
        kind: 'field',
        name: 'Answers',
        value:
          engine.mode === 'llm'
            ? `by the model ${engine.config.llm?.chatModel ?? ''}, quotes checked against the text`.replace('  ', ' ')
            : 'offline: verbatim quotes picked from the text',
      },
      {
        kind: 'field',
        name: 'Index',
        value: `${index.chunks} passages, ${index.dimensions}-dimension ${index.provider} embeddings (${index.model}), ${size(index.bytesOnDisk)}`,
      },
      {
        kind: 'field',
        name: 'Built',
        value: `${age(index.builtAt, services.now())}, ${fresh ? 'up to date with the text' : 'older than the text: a moderator can run /reindex'}`,
      },
    ];
    return { kind: 'content', cards: [{ title: 'About footnote', blocks, accent: accents.info }], buttons: [] };
  },
} satisfies Command;
