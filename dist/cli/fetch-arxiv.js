/** Ask the arXiv API about one paper: the network side of `add --arxiv`. */
import { DataError, UsageError } from '../core/errors.js';
import { escapeExcerpt, quoteInput } from '../core/text.js';
import { decodeUtf8 } from '../core/utf8.js';
import { arxivQueryUrl, DEFAULT_ARXIV_API, parseArxivAtom } from '../ingest/arxiv.js';
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Node's timers take at most 2^31 - 1 ms; beyond, they fire after 1 ms with a warning (issue #12, item 20). */
export const MAX_TIMEOUT_MS = 2_147_483_647;
/** The largest arXiv answer read: one paper's Atom entry is a few kilobytes (issue #12, item 15). */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
/** Redirects followed, all on the API's own host (issue #12, item 12). */
const MAX_REDIRECTS = 5;
/** The time-out from MLLM_ALIGN_TIMEOUT_MS, or the default. */
export function timeoutFrom(env) {
    const raw = env.MLLM_ALIGN_TIMEOUT_MS;
    if (raw === undefined || raw === '')
        return DEFAULT_TIMEOUT_MS;
    if (!/^\d+$/.test(raw) || Number(raw) <= 0 || Number(raw) > MAX_TIMEOUT_MS) {
        throw new UsageError(`MLLM_ALIGN_TIMEOUT_MS must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}; got ${quoteInput(raw)}`);
    }
    return Number(raw);
}
/** GET `url`, following redirects only on the same host; the final response. */
async function fetchSameHost(url, signal) {
    let current = new URL(url);
    for (let hops = 0;; hops++) {
        const res = await fetch(current, { signal, redirect: 'manual', headers: { accept: 'application/atom+xml' } });
        const location = res.headers.get('location');
        if (res.status < 300 || res.status > 399 || location === null)
            return res;
        await res.body?.cancel();
        const next = new URL(location, current);
        if (next.host !== current.host) {
            throw new DataError(`the arXiv API (${current.host}) redirected to another host, ${quoteInput(next.host)}; not followed`);
        }
        if (hops >= MAX_REDIRECTS)
            throw new DataError(`the arXiv API redirected more than ${MAX_REDIRECTS} times (${url})`);
        current = next;
    }
}
/** The body as text, refusing more than MAX_ANSWER_BYTES however it is sent. */
async function readCapped(res, id) {
    const declared = Number(res.headers.get('content-length'));
    const tooLarge = () => new DataError(`the arXiv API's answer for ${id} is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MB; not read`);
    if (declared > MAX_ANSWER_BYTES) {
        await res.body?.cancel();
        throw tooLarge();
    }
    const chunks = [];
    let size = 0;
    if (res.body) {
        const reader = res.body.getReader();
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            size += value.byteLength;
            if (size > MAX_ANSWER_BYTES) {
                await reader.cancel();
                throw tooLarge();
            }
            chunks.push(value);
        }
    }
    const decoded = decodeUtf8(Buffer.concat(chunks));
    if (decoded.error)
        throw new DataError(`the arXiv API's answer for ${id} is unreadable: ${decoded.error.message}`);
    return decoded.text;
}
/** Fetch and read the metadata of arXiv paper `id`; every failure is a one-line DataError. */
export async function fetchArxiv(id, env) {
    const base = env.MLLM_ALIGN_ARXIV_API || DEFAULT_ARXIV_API;
    let url;
    try {
        url = arxivQueryUrl(base, id);
    }
    catch {
        throw new UsageError(`MLLM_ALIGN_ARXIV_API is not a URL: "${base}"`);
    }
    const ms = timeoutFrom(env);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ms);
    let body;
    try {
        const res = await fetchSameHost(url, controller.signal);
        if (!res.ok)
            throw new DataError(`the arXiv API answered HTTP ${res.status}${res.statusText ? ` ${escapeExcerpt(res.statusText)}` : ''} for ${id} (${url})`);
        body = await readCapped(res, id);
    }
    catch (err) {
        if (err instanceof DataError)
            throw err;
        if (controller.signal.aborted)
            throw new DataError(`the arXiv API did not answer within ${ms} ms (${url}); try again, or give --title, --author and --year`);
        const cause = err.cause;
        throw new DataError(`cannot reach the arXiv API (${url}): ${escapeExcerpt(cause?.code ?? cause?.message ?? err.message)}`);
    }
    finally {
        clearTimeout(timer);
    }
    return parseArxivAtom(body, id);
}
