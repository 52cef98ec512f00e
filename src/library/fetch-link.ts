/**
 * Fetches a link a member gives to `/library add`: http(s) only, a size and a time limit, at most a few
 * redirects, and never an address inside the host's own network (loopback, private, link-local, ...)
 * unless the operator allows it. The address is checked when the socket connects (a custom DNS lookup),
 * so a name that resolves to a private address is refused at every hop, redirects included.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

export interface FetchLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly allowPrivateAddresses: boolean;
}

export interface FetchedLink {
  readonly bytes: Buffer;
  readonly contentType: string | undefined;
  readonly finalUrl: string;
  /** A file name for the page: the last part of its path, or its host. */
  readonly name: string;
}

export type FetchProblemKind = 'bad-url' | 'refused-address' | 'timeout' | 'too-large' | 'http-status' | 'too-many-redirects' | 'network';

export type FetchOutcome =
  { readonly ok: true; readonly fetched: FetchedLink } | { readonly ok: false; readonly kind: FetchProblemKind; readonly message: string };

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** True for loopback, private, link-local, carrier-grade NAT, multicast and reserved addresses (IPv4-mapped IPv6 too). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/iu.exec(address)?.[1];
  if (mapped !== undefined) return NOT_PUBLIC.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

class RefusedAddress extends Error {
  override readonly name = 'RefusedAddress';
}

export async function fetchLink(link: string, limits: FetchLimits): Promise<FetchOutcome> {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { ok: false, kind: 'bad-url', message: `“${link.slice(0, 200)}” is not a link: give a full address starting with https://` };
  }
  const deadline = Date.now() + limits.timeoutMs;
  for (let hop = 0; hop <= limits.maxRedirects; hop += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { ok: false, kind: 'bad-url', message: `footnote fetches http and https links only, not ${url.protocol.replace(':', '')}.` };
    const host = url.hostname.replace(/^\[|\]$/gu, '');
    if (!limits.allowPrivateAddresses && isIP(host) !== 0 && isNonPublicAddress(host)) return refused(url);
    const outcome = await fetchOnce(url, limits, deadline);
    if (outcome.kind === 'redirect') {
      url = new URL(outcome.location, url);
      continue;
    }
    if (outcome.kind === 'problem') return outcome.problem;
    const { response, bytes } = outcome;
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299) {
      return {
        ok: false,
        kind: 'http-status',
        message: `The link answered ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}${status >= 500 ? ': the site has a problem; try again later' : ': check the address'}.`,
      };
    }
    return { ok: true, fetched: { bytes, contentType: response.headers['content-type'], finalUrl: url.toString(), name: nameOf(url) } };
  }
  return { ok: false, kind: 'too-many-redirects', message: `The link redirects more than ${limits.maxRedirects} times: give the final address.` };
}

type Hop =
  | { readonly kind: 'done'; readonly response: http.IncomingMessage; readonly bytes: Buffer }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'problem'; readonly problem: FetchOutcome & { ok: false } };

function fetchOnce(url: URL, limits: FetchLimits, deadline: number): Promise<Hop> {
  return new Promise((resolve) => {
    const settle = (hop: Hop) => {
      clearTimeout(timer);
      resolve(hop);
    };
    const lookup = (hostname: string, options: object, callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
        if (error) return callback(error, []);
        const list = addresses;
        if (!limits.allowPrivateAddresses && list.some((entry) => isNonPublicAddress(entry.address))) return callback(new RefusedAddress(hostname), []);
        const wantsAll = (options as { all?: boolean }).all === true;
        const first = list[0];
        if (wantsAll) return callback(null, list);
        return callback(null, first?.address ?? '', first?.family);
      });
    };
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(url, {
      lookup,
      headers: { 'user-agent': 'footnote (reading-group bot)', accept: 'text/html, application/pdf, text/plain, */*' },
    });
    const timer = setTimeout(
      () => {
        request.destroy();
        settle({
          kind: 'problem',
          problem: {
            ok: false,
            kind: 'timeout',
            message: `The link did not answer within ${Math.max(1, Math.round(limits.timeoutMs / 1000))} s: try again later, or upload the file.`,
          },
        });
      },
      Math.max(1, deadline - Date.now()),
    );
    request.on('error', (error) => {
      if (error instanceof RefusedAddress || (error as { cause?: unknown }).cause instanceof RefusedAddress)
        return settle({ kind: 'problem', problem: refused(url) });
      settle({
        kind: 'problem',
        problem: { ok: false, kind: 'network', message: `The link could not be fetched (${(error as NodeJS.ErrnoException).code ?? error.message}).` },
      });
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location !== undefined) {
        response.resume();
        return settle({ kind: 'redirect', location });
      }
      const declared = Number(response.headers['content-length'] ?? Number.NaN);
      const tooLarge = (): Hop => ({
        kind: 'problem',
        problem: {
          ok: false,
          kind: 'too-large',
          message: `The page is larger than ${(limits.maxBytes / 1048576).toFixed(0)} MiB, the most footnote fetches for one document.`,
        },
      });
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        request.destroy();
        return settle(tooLarge());
      }
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > limits.maxBytes) {
          request.destroy();
          settle(tooLarge());
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => settle({ kind: 'done', response, bytes: Buffer.concat(chunks) }));
      response.on('error', () => undefined);
    });
  });
}

function refused(url: URL): FetchOutcome & { ok: false } {
  return {
    ok: false,
    kind: 'refused-address',
    message: `footnote does not fetch ${url.hostname}: it is an address inside the host's own network. Give a public link, or upload the file.`,
  };
}

function nameOf(url: URL): string {
  const last = decodeURIComponent(
    url.pathname
      .split('/')
      .filter((part) => part !== '')
      .at(-1) ?? '',
  );
  return last === '' ? url.hostname : last.slice(0, 200);
}
