/**
 * A message as Discord's desktop client draws it (dark theme), as a self-contained HTML page: content, embeds
 * with their accent bar, title, description and footer, and rows of buttons. Only the Markdown footnote sends
 * is rendered: **bold**, *italic*, __underline__, `code`, > block quotes, -# small lines, backslash escapes,
 * and member mentions. For the README's screenshots (scripts/render-replies.ts); never used by the bot.
 */

export interface HtmlEmbed {
  readonly title?: string;
  readonly description?: string;
  readonly footer?: { readonly text: string };
  readonly color?: number;
}

export interface HtmlButton {
  readonly label?: string;
  readonly style: number;
  readonly emoji?: { readonly name?: string };
}

export interface HtmlMessage {
  readonly content?: string;
  readonly embeds: readonly HtmlEmbed[];
  readonly components: readonly { readonly components: readonly HtmlButton[] }[];
  readonly ephemeral?: boolean;
}

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Inline Markdown of one line: escapes first (a `\*` is a star), then spans, then mentions. */
function inline(text: string, memberName: (id: string) => string): string {
  const escapes: string[] = [];
  let marked = text.replace(/\\([^\w\s])/g, (_match, character: string) => {
    escapes.push(character);
    return `\u0000${escapes.length - 1}\u0000`;
  });
  marked = escapeHtml(marked);
  marked = marked
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/__(.+?)__/g, '<u>$1</u>')
    .replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?!\w)/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_([^_\s][^_]*?)_(?!\w)/g, '$1<em>$2</em>')
    .replace(/&lt;@!?(\d+)&gt;/g, (_match, id: string) => `<span class="mention">@${escapeHtml(memberName(id))}</span>`);
  // eslint-disable-next-line no-control-regex
  return marked.replace(/\u0000(\d+)\u0000/g, (_match, index: string) => escapeHtml(escapes[Number(index)] ?? ''));
}

/** Block Markdown: consecutive "> " lines are one quote; "-# " is a small grey line. */
export function markdownToHtml(text: string, memberName: (id: string) => string = (id) => id): string {
  const out: string[] = [];
  let quote: string[] = [];
  const flush = () => {
    if (quote.length > 0) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('> ') || line === '>') {
      quote.push(inline(line.slice(2), memberName));
      continue;
    }
    flush();
    if (line.startsWith('-# ')) out.push(`<div class="subtext">${inline(line.slice(3), memberName)}</div>`);
    else if (line === '') out.push('<div class="gap"></div>');
    else out.push(`<div>${inline(line, memberName)}</div>`);
  }
  flush();
  return out.join('');
}

const buttonClass: Record<number, string> = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'secondary' };

function hex(color: number | undefined): string {
  return color === undefined ? '#1e1f22' : `#${color.toString(16).padStart(6, '0')}`;
}

function embedHtml(embed: HtmlEmbed, memberName: (id: string) => string): string {
  return `<div class="embed" style="border-left-color:${hex(embed.color)}">${embed.title === undefined ? '' : `<div class="title">${inline(embed.title, memberName)}</div>`}${
    embed.description === undefined ? '' : `<div class="description">${markdownToHtml(embed.description, memberName)}</div>`
  }${embed.footer === undefined ? '' : `<div class="footer">${escapeHtml(embed.footer.text)}</div>`}</div>`;
}

function messageHtml(message: HtmlMessage, memberName: (id: string) => string): string {
  const rows = message.components
    .map(
      (row) =>
        `<div class="row">${row.components
          .map(
            (button) =>
              `<span class="button ${buttonClass[button.style] ?? 'secondary'}">${button.emoji?.name === undefined ? '' : `${button.emoji.name} `}${escapeHtml(button.label ?? '')}</span>`,
          )
          .join('')}</div>`,
    )
    .join('');
  const content = message.content === undefined || message.content === '' ? '' : `<div class="content">${markdownToHtml(message.content, memberName)}</div>`;
  const ephemeral = message.ephemeral === true ? '<div class="ephemeral">👁 Only you can see this</div>' : '';
  return `<div class="message">${content}${message.embeds.map((embed) => embedHtml(embed, memberName)).join('')}${rows}${ephemeral}</div>`;
}

const style = `
body { margin: 0; background: #313338; font-family: "gg sans", "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #dbdee1; }
.page { padding: 16px 16px 8px 16px; width: 600px; }
.command { font-size: 14px; color: #b5bac1; margin: 0 0 4px 56px; }
.command b { color: #c9cdfb; font-weight: 500; background: rgba(88,101,242,.3); border-radius: 3px; padding: 0 2px; }
.head { display: flex; align-items: baseline; gap: 8px; margin-left: 56px; position: relative; }
.avatar { position: absolute; left: -56px; top: 2px; width: 40px; height: 40px; border-radius: 50%; background: #5865f2; color: white; font-weight: 700; display: flex; align-items: center; justify-content: center; font-size: 18px; }
.name { color: #f2f3f5; font-weight: 500; font-size: 16px; }
.tag { background: #5865f2; color: white; font-size: 10px; font-weight: 600; border-radius: 3px; padding: 1px 4px; }
.time { color: #949ba4; font-size: 12px; }
.message { margin-left: 56px; margin-bottom: 8px; }
.content { font-size: 15px; line-height: 1.375; margin: 2px 0 4px; }
.embed { background: #2b2d31; border-left: 4px solid; border-radius: 4px; padding: 8px 16px 16px 12px; max-width: 516px; margin-top: 4px; box-sizing: border-box; }
.title { color: #f2f3f5; font-weight: 600; font-size: 16px; margin-top: 8px; line-height: 1.375; }
.description { font-size: 14px; line-height: 1.375; margin-top: 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
.description .gap { height: 6px; }
.footer { color: #b5bac1; font-size: 12px; margin-top: 8px; line-height: 1.3; white-space: pre-wrap; }
blockquote { margin: 2px 0; padding: 0 8px 0 12px; border-left: 4px solid #4e5058; border-radius: 4px; }
code { background: #1e1f22; border-radius: 3px; padding: 0 3px; font-size: 85%; font-family: Consolas, "DejaVu Sans Mono", monospace; }
.subtext { color: #949ba4; font-size: 12px; }
.mention { background: rgba(88,101,242,.3); color: #c9cdfb; border-radius: 3px; padding: 0 2px; font-weight: 500; }
.row { display: flex; gap: 8px; margin-top: 8px; flex-wrap: wrap; }
.button { display: inline-flex; align-items: center; height: 32px; padding: 0 16px; border-radius: 8px; color: white; font-size: 14px; font-weight: 500; white-space: nowrap; }
.button.primary { background: #5865f2; } .button.secondary { background: #4e5058; } .button.success { background: #248046; } .button.danger { background: #da373c; }
.ephemeral { color: #949ba4; font-size: 12px; margin-top: 4px; }
`;

/** One page: the command as the member typed it, then the bot's messages under its name. */
export function conversationHtml(options: {
  readonly command: string;
  readonly messages: readonly HtmlMessage[];
  readonly memberName?: (id: string) => string;
}): string {
  const memberName = options.memberName ?? ((id: string) => id);
  return `<!doctype html><html><head><meta charset="utf-8"><style>${style}</style></head><body><div class="page" id="page">
<div class="command">used <b>${escapeHtml(options.command)}</b></div>
<div class="head"><div class="avatar">f</div><span class="name">footnote</span><span class="tag">APP</span><span class="time">Today at 21:04</span></div>
${options.messages.map((message) => messageHtml(message, memberName)).join('\n')}
</div></body></html>`;
}
