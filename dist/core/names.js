/**
 * Personal names split into given name, particle and family name, for BibTeX, CSL-JSON and citation keys.
 *
 * Entries store names as "Given Family" strings, which cannot say where a multi-word family name starts.
 * The rule: a lower-case particle from PARTICLES starts the family name ("Aaron van den Oord" -> particle
 * "van den", family "Oord"); otherwise the last word is the family name. A name written "Family, Given"
 * ("Le Scao, Teven") is taken as written, which is how an entry spells a multi-word family name without
 * a particle. Capitalised particles ("Luc Van Gool") read as given names, as classic BibTeX reads them too.
 * A name whose last word is one of ORGANISATION_WORDS ("Chameleon Team") is a team, kept whole.
 */
/** Last words that mark an author as a team or organisation rather than a person. */
export const ORGANISATION_WORDS = [
    'team', 'group', 'consortium', 'collaboration', 'lab', 'laboratory', 'project', 'initiative',
    'community', 'contributors', 'inc', 'inc.', 'ltd', 'ltd.', 'corporation', 'institute', 'university',
];
export const PARTICLES = ['van', 'von', 'der', 'den', 'de', 'da', 'del', 'della', 'di', 'du', 'la', 'le', 'ten', 'ter', 'dos', 'das'];
const SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv)$/i;
/** Split an author string into its parts. */
export function splitName(full) {
    const text = full.trim().replace(/\s+/g, ' ');
    const comma = text.indexOf(',');
    if (comma >= 0) {
        // "Family, Given" or "Family, Suffix, Given".
        const parts = text.split(',').map((p) => p.trim());
        const head = parts[0];
        const suffix = parts.length > 2 ? parts[1] : '';
        const given = parts.length > 2 ? parts.slice(2).join(' ') : parts[1];
        const { particle, family } = splitParticle(head.split(' '));
        return { given, particle, family, suffix };
    }
    const words = text.split(' ');
    if (words.length > 1 && ORGANISATION_WORDS.includes(words[words.length - 1].toLowerCase())) {
        return { given: '', particle: '', family: text, suffix: '', organisation: true };
    }
    let suffix = '';
    if (words.length > 2 && SUFFIX.test(words[words.length - 1]))
        suffix = words.pop();
    if (words.length === 1)
        return { given: '', particle: '', family: words[0], suffix };
    const start = words.findIndex((w, i) => i > 0 && i < words.length - 1 && PARTICLES.includes(w));
    if (start > 0) {
        const { particle, family } = splitParticle(words.slice(start));
        return { given: words.slice(0, start).join(' '), particle, family, suffix };
    }
    return { given: words.slice(0, -1).join(' '), particle: '', family: words[words.length - 1], suffix };
}
function splitParticle(words) {
    let i = 0;
    while (i < words.length - 1 && PARTICLES.includes(words[i]))
        i++;
    return { particle: words.slice(0, i).join(' '), family: words.slice(i).join(' ') };
}
/** The name as one "Given particle Family Suffix" string, the way entries write it. */
export function joinName(name) {
    return [name.given, name.particle, name.family, name.suffix].filter((s) => s !== '').join(' ');
}
