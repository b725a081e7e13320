/** Interactive questions for the fields `add` still needs, when standard input is a terminal. */
import { ARXIV_PATTERN, DOI_PATTERN, FIELDS, URL_PATTERN } from '../core/schema-def.js';
import { CATEGORIES, findCategory } from '../core/taxonomy.js';
import { slugify } from '../core/text.js';
import { findArxivId, normalizeDoi } from '../ingest/locators.js';
import { guessName, isPlainId } from '../ingest/partial.js';
/** Questions through @inquirer/prompts, written to stderr so stdout keeps only results. */
export async function inquirerPrompter() {
    const { input, select } = await import('@inquirer/prompts');
    const context = { output: process.stderr };
    return {
        input: (q) => input(q, context),
        select: (q) => select(q, context),
    };
}
/** Whether an error is the prompt library's "the user pressed Ctrl-C". */
export function isPromptCancel(err) {
    return err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError');
}
const help = (field) => FIELDS[field].description;
const required = (v) => (v.trim() !== '' ? true : 'required');
const matches = (pattern, what) => (v) => v.trim() === '' || new RegExp(pattern).test(v.trim()) ? true : `not ${what}`;
/** Ask for each required field that `partial` lacks (and the subcategory with the category). */
export async function promptMissing(partial, ask) {
    const out = { ...partial };
    if (!out.title)
        out.title = (await ask.input({ message: `title: ${help('title')}`, validate: required })).trim();
    if (!out.name) {
        out.name = (await ask.input({ message: `name: ${help('name')}`, default: guessName(out.title), validate: required })).trim();
    }
    if (!out.id && !isPlainId(slugify(out.name))) {
        out.id = (await ask.input({ message: `id: ${help('id')}`, validate: (v) => (isPlainId(v) ? true : 'not a plain slug') })).trim();
    }
    if (!out.authors || out.authors.length === 0) {
        const raw = await ask.input({ message: 'authors: full names, given name first, separated by ";"', validate: required });
        out.authors = raw.split(';').map((a) => a.trim()).filter((a) => a !== '');
    }
    if (out.year === undefined) {
        const raw = await ask.input({ message: `year: ${help('year')}`, validate: (v) => (/^\d{4}$/.test(v.trim()) ? true : 'a four-digit year') });
        out.year = Number(raw.trim());
    }
    if (!out.category) {
        out.category = await ask.select({
            message: 'category (the survey\'s group)',
            choices: CATEGORIES.map((c) => ({ name: `${c.id}: ${c.name}`, value: c.id, description: c.description })),
        });
        if (!out.subcategory) {
            const cat = findCategory(out.category);
            const sub = await ask.select({
                message: 'subcategory',
                choices: [
                    ...cat.subcategories.map((s) => ({ name: s.id, value: s.id, description: s.description })),
                    { name: '(none)', value: '', description: 'Leave the subcategory out.' },
                ],
            });
            if (sub)
                out.subcategory = sub;
        }
    }
    if (!out.arxiv && !out.doi && !out.url)
        await promptLocator(out, ask);
    return out;
}
async function promptLocator(out, ask) {
    while (!out.arxiv && !out.doi && !out.url) {
        const arxiv = (await ask.input({ message: 'arXiv id (empty if none)', validate: (v) => matches(ARXIV_PATTERN, 'an arXiv id')(findArxivId(v) ?? v) })).trim();
        if (arxiv)
            out.arxiv = findArxivId(arxiv) ?? arxiv;
        if (out.arxiv)
            return;
        const doi = (await ask.input({ message: 'DOI (empty if none)', validate: (v) => matches(DOI_PATTERN, 'a DOI')(normalizeDoi(v) ?? v) })).trim();
        if (doi)
            out.doi = normalizeDoi(doi) ?? doi;
        if (out.doi)
            return;
        const url = (await ask.input({ message: `url: ${help('url')}`, validate: matches(URL_PATTERN, 'an http(s) URL') })).trim();
        if (url)
            out.url = url;
    }
}
