/**
 * Fetches a link a member gives to `/library add`: http(s) only, a size and a time limit, at most a few
 * redirects, and never an address inside the host's own network (loopback, private, link-local, ...)
 * unless the operator allows it. The address is checked when the socket connects (a custom DNS lookup),
 * so a name that resolves to a private address is refused at every hop, redirects included.
 */
import { lookup as dnsLookup } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';
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
])
    NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
    ['::', 128],
    ['::1', 128],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
])
    NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
/** True for loopback, private, link-local, carrier-grade NAT, multicast and reserved addresses (IPv4-mapped IPv6 too). */
export function isNonPublicAddress(address) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/iu.exec(address)?.[1];
    if (mapped !== undefined)
        return NOT_PUBLIC.check(mapped, 'ipv4');
    const family = isIP(address);
    if (family === 0)
        return true;
    return NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
class RefusedAddress extends Error {
    name = 'RefusedAddress';
}
export async function fetchLink(link, limits) {
    let url;
    try {
        url = new URL(link);
    }
    catch {
        return { ok: false, kind: 'bad-url', message: `“${link.slice(0, 200)}” is not a link: give a full address starting with https://` };
    }
    const deadline = Date.now() + limits.timeoutMs;
    for (let hop = 0; hop <= limits.maxRedirects; hop += 1) {
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            return { ok: false, kind: 'bad-url', message: `footnote fetches http and https links only, not ${url.protocol.replace(':', '')}.` };
        const host = url.hostname.replace(/^\[|\]$/gu, '');
        if (!limits.allowPrivateAddresses && isIP(host) !== 0 && isNonPublicAddress(host))
            return refused(url);
        const outcome = await fetchOnce(url, limits, deadline);
        if (outcome.kind === 'redirect') {
            url = new URL(outcome.location, url);
            continue;
        }
        if (outcome.kind === 'problem')
            return outcome.problem;
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
function fetchOnce(url, limits, deadline) {
    return new Promise((resolve) => {
        const settle = (hop) => {
            clearTimeout(timer);
            resolve(hop);
        };
        const lookup = (hostname, options, callback) => {
            dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
                if (error)
                    return callback(error, []);
                const list = addresses;
                if (!limits.allowPrivateAddresses && list.some((entry) => isNonPublicAddress(entry.address)))
                    return callback(new RefusedAddress(hostname), []);
                const wantsAll = options.all === true;
                const first = list[0];
                if (wantsAll)
                    return callback(null, list);
                return callback(null, first?.address ?? '', first?.family);
            });
        };
        const client = url.protocol === 'https:' ? https : http;
        const request = client.get(url, {
            lookup,
            headers: { 'user-agent': 'footnote (reading-group bot)', accept: 'text/html, application/pdf, text/plain, */*' },
        });
        const timer = setTimeout(() => {
            request.destroy();
            settle({
                kind: 'problem',
                problem: {
                    ok: false,
                    kind: 'timeout',
                    message: `The link did not answer within ${Math.max(1, Math.round(limits.timeoutMs / 1000))} s: try again later, or upload the file.`,
                },
            });
        }, Math.max(1, deadline - Date.now()));
        request.on('error', (error) => {
            if (error instanceof RefusedAddress || error.cause instanceof RefusedAddress)
                return settle({ kind: 'problem', problem: refused(url) });
            settle({
                kind: 'problem',
                problem: { ok: false, kind: 'network', message: `The link could not be fetched (${error.code ?? error.message}).` },
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
            const tooLarge = () => ({
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
            const chunks = [];
            let received = 0;
            response.on('data', (chunk) => {
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
function refused(url) {
    return {
        ok: false,
        kind: 'refused-address',
        message: `footnote does not fetch ${url.hostname}: it is an address inside the host's own network. Give a public link, or upload the file.`,
    };
}
function nameOf(url) {
    const last = decodeURIComponent(url.pathname
        .split('/')
        .filter((part) => part !== '')
        .at(-1) ?? '');
    return last === '' ? url.hostname : last.slice(0, 200);
}
//# sourceMappingURL=fetch-link.js.map