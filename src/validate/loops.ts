/** MA230: loops in `builds_on` (a → b → a), named in the order of the links. Self-reference is MA207. */
import type { ParsedFile } from '../load/parse.js';
import { quoteInput } from '../core/text.js';
import { makeDiagnostic, type Diagnostic } from './diagnostics.js';

/**
 * For every id on a loop of `links` (id → the ids it builds on), a loop through it, as the ids in
 * link order starting with itself (`[b, c, a]` for b → c → a → b). Self-links and links to unknown
 * ids are ignored. Strongly connected components first (Tarjan, iterative); then, inside a component,
 * a breadth-first search from its first member (in the order of `links`) not yet covered finds a shortest loop through it, and
 * every member of that loop is given the same loop turned to start with itself. A single big loop thus
 * costs one search, not one per member.
 */
export function findLoops(links: ReadonlyMap<string, readonly string[]>): Map<string, LoopPlace> {
  // Each id's links to other known ids, worked out once (an id with none is on no loop).
  const out = new Map<string, string[]>();
  for (const [id, on] of links) {
    const known = on.filter((t) => t !== id && links.has(t));
    if (known.length > 0) out.set(id, known);
  }
  const none: string[] = [];
  const targets = (id: string) => out.get(id) ?? none;
  const component = stronglyConnected([...out.keys()], targets);
  const loops = new Map<string, LoopPlace>();
  for (const id of links.keys()) {
    const comp = component.get(id);
    if (comp === undefined || comp.size < 2 || loops.has(id)) continue;
    const loop = shortestLoop(id, comp, targets);
    // One shared array per loop: copies turned for each member would cost the square of its length.
    loop.forEach((member, at) => {
      if (!loops.has(member)) loops.set(member, { loop, at });
    });
  }
  return loops;
}

/** A member's place on a loop: the loop's ids in link order, and the member's index in it. */
export interface LoopPlace {
  loop: readonly string[];
  at: number;
}

/** The first `n` members of a loop, starting with the member at `place`. */
export function loopFrom(place: LoopPlace, n = place.loop.length): string[] {
  const { loop, at } = place;
  return Array.from({ length: Math.min(n, loop.length) }, (_, i) => loop[(at + i) % loop.length]!);
}

/** A shortest loop through `id` inside its component (breadth-first from its targets back to it). */
function shortestLoop(id: string, comp: ReadonlySet<string>, targets: (id: string) => string[]): string[] {
  const parent = new Map<string, string>();
  const queue: string[] = [];
  const reach = (t: string, from: string) => {
    if (comp.has(t) && !parent.has(t)) {
      parent.set(t, from);
      queue.push(t);
    }
  };
  for (const t of targets(id)) reach(t, id);
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    for (const t of targets(at)) {
      if (t === id) {
        const path = [at];
        for (let p = parent.get(at)!; p !== id; p = parent.get(p)!) path.push(p);
        return [id, ...path.reverse()];
      }
      reach(t, at);
    }
  }
  // Unreachable: every member of a component of two or more lies on a loop.
  return [id];
}

/** Each node's strongly connected component (Tarjan's algorithm without recursion, so deep chains cannot overflow the stack). */
function stronglyConnected(nodes: readonly string[], targets: (id: string) => string[]): Map<string, Set<string>> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result = new Map<string, Set<string>>();
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; next: string[]; i: number }> = [];
    const visit = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter++;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: targets(id), i: 0 });
    };
    visit(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.next.length) {
        const t = frame.next[frame.i++]!;
        if (!index.has(t)) visit(t);
        else if (onStack.has(t)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(t)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const comp = new Set<string>();
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          comp.add(member);
        } while (member !== frame.id);
        for (const m of comp) result.set(m, comp);
      }
    }
  }
  return result;
}

/** Members of a loop named in a message; longer loops are cut. */
const MAX_NAMED = 12;

/** MA230 for every entry on a `builds_on` loop, at the link that starts its loop. */
export function checkBuildsOnLoops(files: readonly ParsedFile[]): Diagnostic[] {
  const links = new Map<string, string[]>();
  const fileOf = new Map<string, ParsedFile>();
  for (const p of files) {
    const d = p.data as Record<string, unknown> | null;
    if (d === null || typeof d !== 'object' || Array.isArray(d) || typeof d.id !== 'string') continue;
    // A duplicate id is MA202's business; its first file stands for it here.
    if (links.has(d.id)) continue;
    const on = Array.isArray(d.builds_on) ? d.builds_on.filter((t): t is string => typeof t === 'string') : [];
    links.set(d.id, on);
    fileOf.set(d.id, p);
  }
  const out: Diagnostic[] = [];
  for (const [id, place] of findLoops(links)) {
    const p = fileOf.get(id)!;
    const loop = loopFrom(place, MAX_NAMED + 1);
    const at = links.get(id)!.indexOf(loop[1]!);
    // A loop of hostile length is named by its first members only.
    const size = place.loop.length;
    const shown = size > MAX_NAMED ? [...loop.slice(0, MAX_NAMED), `… (${size} entries in all)`] : [...loop, id];
    const names = shown.map((m, i) => (i === MAX_NAMED ? m : quoteInput(m))).join(' → ');
    out.push(makeDiagnostic('MA230', p.file, p.locate(['builds_on', at]), `builds_on forms a loop: ${names}; remove one of these links`));
  }
  return out;
}
