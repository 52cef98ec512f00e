import { PermissionFlagsBits } from 'discord.js';
import { findDocument } from '../../corpus/find-document.js';
import type { LibraryDocumentRecord } from '../../library/library-store.js';
import { LIBRARY_FOLDER } from '../../library/libraries.js';
import { fetchLink } from '../../library/fetch-link.js';
import { matchingChoices } from '../autocomplete.js';
import type { Command, CommandRequest, CommandServices } from '../command.js';
import { slashCommand, stringOption } from '../command.js';
import { hasPermission } from '../run-command.js';
import { accents, cardReply, errorReply } from '../reply.js';
import type { Reply } from '../reply.js';
import type { SlashCommandStringOption } from 'discord.js';

const documentChoice = (option: SlashCommandStringOption) =>
  option.setName('document').setDescription('A document of this server’s library').setAutocomplete(true).setRequired(true).setMaxLength(200);

/** Who may change a server's library: Manage Server, or the role the server set with /library role. */
async function mayEdit(request: CommandRequest, services: CommandServices): Promise<boolean> {
  if (hasPermission(request.permissions, PermissionFlagsBits.ManageGuild)) return true;
  const role = request.guildId === undefined ? undefined : await services.libraries?.store.editorRole(request.guildId);
  return role !== undefined && (request.roles ?? []).includes(role);
}

function size(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

/** The server's own documents, by what the member typed (a unique part of the title). */
async function ownDocument(
  request: CommandRequest,
  services: CommandServices,
): Promise<{ ok: true; record: LibraryDocumentRecord } | { ok: false; reply: Reply }> {
  const libraryId = request.guildId as string;
  const records = (await services.libraries?.store.list(libraryId)) ?? [];
  const typed = stringOption(request, 'document') ?? '';
  const own = { documents: services.engine.corpus.documents.filter((document) => document.id.startsWith(`${LIBRARY_FOLDER}/${libraryId}/`)), contentHash: '' };
  const found = findDocument(own, typed);
  if (!found.ok)
    return {
      ok: false,
      reply: errorReply(own.documents.length === 0 ? 'This server’s library has no documents yet: add one with /library add.' : found.problem.message),
    };
  const record = records.find((candidate) => candidate.documentId === found.document.id);
  return record === undefined ? { ok: false, reply: errorReply('That document is not in this server’s library.') } : { ok: true, record };
}

export const libraryCommand = {
  data: slashCommand('library', 'This server’s own documents: add a file or a link, list, show or remove them.', { serverOnly: true })
    .addSubcommand((command) =>
      command
        .setName('add')
        .setDescription('Add a document: attach a .txt, .md, .html, .pdf or .docx file, or give a link to a web page')
        .addAttachmentOption((option) => option.setName('file').setDescription('The document to add'))
        .addStringOption((option) => option.setName('link').setDescription('Or a link to a web page or a file').setMaxLength(2000)),
    )
    .addSubcommand((command) => command.setName('list').setDescription('The documents this server reads'))
    .addSubcommand((command) =>
      command.setName('show').setDescription('One document: its title, author, date, size and passages').addStringOption(documentChoice),
    )
    .addSubcommand((command) =>
      command.setName('remove').setDescription('Remove a document, its passages, quiz questions and review cards').addStringOption(documentChoice),
    )
    .addSubcommand((command) =>
      command
        .setName('role')
        .setDescription('Let a role change the library (Manage Server only); empty: Manage Server only')
        .addRoleOption((option) => option.setName('role').setDescription('The role that may add and remove documents')),
    )
    .toJSON(),
  isPrivate: (request) => stringOption(request, 'subcommand') !== 'list' && stringOption(request, 'subcommand') !== 'show',
  slow: true,
  cooldown: true,
  async execute(request, services) {
    const { libraries } = services;
    const libraryId = request.guildId;
    if (libraries === undefined || libraryId === undefined) return errorReply('/library works in a server, where each server keeps its own documents.');
    const action = stringOption(request, 'subcommand');
    if (action === 'list') {
      const records = await libraries.store.list(libraryId);
      const usage = await libraries.store.usage(libraryId);
      const library = libraries.limits;
      const lines = records.map((record, index) => `${index + 1}. ${record.title} — ${record.format}, ${size(record.originalBytes)}`);
      return cardReply({
        title: 'This server’s library',
        blocks: [{ kind: 'text', text: records.length === 0 ? 'No documents yet: add one with /library add.' : lines.join('\n') }],
        footer: `${usage.documents} of ${library.maxDocuments} documents, ${size(usage.bytes)} of ${size(library.maxTotalBytes)}. The shared texts are read too.`,
        accent: accents.info,
      });
    }
    if (action === 'show') {
      const chosen = await ownDocument(request, services);
      if (!chosen.ok) return chosen.reply;
      const { record } = chosen;
      const document = services.engine.corpus.documents.find((candidate) => candidate.id === record.documentId);
      const fields = [
        { kind: 'field' as const, name: 'Author', value: document?.author ?? 'not stated' },
        { kind: 'field' as const, name: 'Date', value: document?.date ?? 'not stated' },
        { kind: 'field' as const, name: 'Format', value: `${record.format}, ${size(record.originalBytes)} (text: ${record.textCharacters} characters)` },
        {
          kind: 'field' as const,
          name: 'Sections and paragraphs',
          value: `${document?.sections.length ?? 0} sections, ${document?.paragraphs.length ?? 0} paragraphs`,
        },
        ...(record.sourceUrl === undefined ? [] : [{ kind: 'field' as const, name: 'From', value: record.sourceUrl }]),
        { kind: 'field' as const, name: 'Added', value: `${new Date(record.addedAt).toISOString().slice(0, 10)} by member ${record.addedBy}` },
      ];
      return cardReply({ title: record.title, blocks: fields, accent: accents.info });
    }
    if (!(await mayEdit(request, services))) {
      const role = await libraries.store.editorRole(libraryId);
      return errorReply(
        `Only members with Manage Server${role === undefined ? '' : ' or the library role'} can change this server’s library. Everyone can read it.`,
      );
    }
    if (action === 'role') {
      if (!hasPermission(request.permissions, PermissionFlagsBits.ManageGuild))
        return errorReply('Only members with Manage Server can choose the library role.');
      const role = stringOption(request, 'role');
      await libraries.store.setEditorRole(libraryId, role);
      return cardReply({
        title: 'Library role',
        blocks: [
          {
            kind: 'text',
            text:
              role === undefined
                ? 'Only members with Manage Server can change the library now.'
                : `Members with the role <@&${role}> can now add and remove documents.`,
          },
        ],
        accent: accents.info,
      });
    }
    if (action === 'remove') {
      const chosen = await ownDocument(request, services);
      if (!chosen.ok) return chosen.reply;
      const removed = await libraries.remove(libraryId, chosen.record.documentId);
      if (!removed.ok) return errorReply(removed.message);
      services.logger.info('library document removed', { guildId: libraryId, userId: request.user.id });
      return cardReply({
        title: 'Removed',
        blocks: [{ kind: 'text', text: `“${removed.value.title}” and its passages, quiz questions and review cards are gone.` }],
        accent: accents.info,
      });
    }
    if (action === 'add') {
      const file = request.attachments?.get('file');
      const link = stringOption(request, 'link')?.trim();
      if ((file === undefined) === (link === undefined || link === '')) return errorReply('Attach one file, or give one link — not both, not neither.');
      const library = libraries.limits;
      let outcome;
      if (file !== undefined) {
        if (file.size > library.maxFileBytes)
          return errorReply(`“${file.name}” is ${size(file.size)}, over the ${size(library.maxFileBytes)} limit for one document.`);
        // The attachment comes from Discord's CDN, fetched with the same limits as a link.
        const fetched = await fetchLink(file.url, {
          maxBytes: library.maxFileBytes,
          timeoutMs: library.fetchTimeoutMs,
          maxRedirects: library.maxRedirects,
          allowPrivateAddresses: library.allowPrivateUrls,
        });
        if (!fetched.ok) return errorReply(`The attached file could not be downloaded from Discord: ${fetched.message}`);
        outcome = await libraries.addFile(
          {
            libraryId,
            name: file.name,
            bytes: fetched.fetched.bytes,
            contentType: file.contentType,
            addedBy: request.user.id,
          },
          request.progress,
        );
      } else {
        outcome = await libraries.addLink({ libraryId, link: link ?? '', addedBy: request.user.id }, request.progress);
      }
      if (!outcome.ok) return errorReply(outcome.message);
      services.logger.info('library document added', {
        guildId: libraryId,
        userId: request.user.id,
        format: outcome.value.format,
        bytes: outcome.value.originalBytes,
      });
      return cardReply({
        title: 'Added to this server’s library',
        blocks: [
          {
            kind: 'text',
            text: `“${outcome.value.title}” (${outcome.value.format}, ${size(outcome.value.originalBytes)}) is indexed: /ask, /summary and the other tools read it now, with document:${outcome.value.title.slice(0, 40)} for it alone.`,
          },
        ],
        accent: accents.info,
      });
    }
    return errorReply('Use /library add, list, show, remove or role.');
  },
  autocomplete(focused, services) {
    const own = services.engine.corpus.documents.filter((document) => document.id.startsWith(`${LIBRARY_FOLDER}/`));
    return matchingChoices(
      own.map((document) => document.title),
      focused.value,
    );
  },
} satisfies Command;
