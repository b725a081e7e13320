/** Ask the arXiv API about one paper: the network side of `add --arxiv`. */
import { DataError, UsageError } from '../core/errors.js';
import { arxivQueryUrl, DEFAULT_ARXIV_API, parseArxivAtom } from '../ingest/arxiv.js';
export const DEFAULT_TIMEOUT_MS = 15_000;
/** The time-out from MLLM_ALIGN_TIMEOUT_MS, or the default. */
export function timeoutFrom(env) {
    const raw = env.MLLM_ALIGN_TIMEOUT_MS;
    if (raw === undefined || raw === '')
        return DEFAULT_TIMEOUT_MS;
    if (!/^\d+$/.test(raw) || Number(raw) <= 0)
        throw new UsageError(`MLLM_ALIGN_TIMEOUT_MS must be a positive number of milliseconds; got "${raw}"`);
    return Number(raw);
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
        const res = await fetch(url, { signal: controller.signal, headers: { accept: 'application/atom+xml' } });
        if (!res.ok)
            throw new DataError(`the arXiv API answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} for ${id} (${url})`);
        body = await res.text();
    }
    catch (err) {
        if (err instanceof DataError)
            throw err;
        if (controller.signal.aborted)
            throw new DataError(`the arXiv API did not answer within ${ms} ms (${url}); try again, or give --title, --author and --year`);
        const cause = err.cause;
        throw new DataError(`cannot reach the arXiv API (${url}): ${cause?.code ?? cause?.message ?? err.message}`);
    }
    finally {
        clearTimeout(timer);
    }
    return parseArxivAtom(body, id);
}
