/** MA230: loops in `builds_on` (a → b → a), named in the order of the links. Self-reference is MA207. */
import type { ParsedFile } from '../load/parse.js';
import { quoteInput } from '../core/text.js';
import { makeDiagnostic, type Diagnostic } from './diagnostics.js';

/**
 * For every id on a loop of `links` (id → the ids it builds on), a loop through it, as the ids in
 * link order starting with itself (`[b, c, a]` for b → c → a → b). Self-links and links to unknown
 * ids (and anything not an id) are ignored. The ids from which no loop can be reached are peeled off
 * first (cyclicCore); then strongly connected components (Tarjan, iterative); then, inside a
 * component, a breadth-first search from its first member (in the order of `links`) not yet covered
 * finds a shortest loop through it, and every member of that loop is given the same loop turned to
 * start with itself. A single big loop thus costs one search, not one per member.
 */
export function findLoops(links: ReadonlyMap<string, readonly unknown[]>): Map<string, LoopPlace> {
  const graph: Graph = { ids: [], lists: [], number: new Map() };
  for (const [id, on] of links) addNode(graph, id, on);
  return loopsOf(graph);
}

/** Ids numbered in order, the links of each (as written), and each id's number. */
interface Graph {
  ids: string[];
  lists: Array<readonly unknown[]>;
  number: Map<string, number>;
}

/** Add an id and its links, unless the id is there already (the first stands). */
function addNode(graph: Graph, id: string, on: readonly unknown[]): void {
  if (graph.number.has(id)) return;
  graph.number.set(id, graph.ids.length);
  graph.ids.push(id);
  graph.lists.push(on);
}

/** findLoops over a graph. */
function loopsOf(graph: Graph): Map<string, LoopPlace> {
  const loops = new Map<string, LoopPlace>();
  const core = cyclicCore(graph);
  if (core === undefined) return loops;
  // Each id's links to other known ids, worked out once (an id with none is on no loop).
  const out = new Map<string, string[]>();
  for (const [id, on] of core) {
    const known = on.filter((t): t is string => typeof t === 'string' && t !== id && core.has(t));
    if (known.length > 0) out.set(id, known);
  }
  const none: string[] = [];
  const targets = (id: string) => out.get(id) ?? none;
  const component = stronglyConnected([...out.keys()], targets);
  for (const id of core.keys()) {
    const comp = component.get(id);
    if (comp === undefined || loops.has(id)) continue;
    const loop = shortestLoop(id, comp, targets);
    // One shared array per loop: copies turned for each member would cost the square of its length.
    loop.forEach((member, at) => {
      if (!loops.has(member)) loops.set(member, { loop, at });
    });
  }
  return loops;
}

/**
 * The links among the ids from which a loop can be reached, in the order of `links`; undefined when
 * there is none, which is what a catalogue almost always finds. Ids that link only to ids already
 * known to lead nowhere are peeled off first, on numbers (#13: the search through every id cost a
 * cold `validate` of 10,000 entries 30 ms, for no loop). What is left holds every loop whole, so
 * the search over it finds what it would over all of `links`.
 */
function cyclicCore({ ids, lists, number }: Graph): ReadonlyMap<string, readonly unknown[]> | undefined {
  const n = ids.length;
  // Each id's links to other known ids, as numbers: `to` from `first[k]` to `first[k + 1]`.
  const first = new Int32Array(n + 1);
  const to: number[] = [];
  const left = new Int32Array(n);
  const into = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    first[k] = to.length;
    const on = lists[k]!;
    for (let i = 0; i < on.length; i++) {
      const t = on[i];
      const j = typeof t === 'string' ? number.get(t) : undefined;
      if (j === undefined || j === k) continue;
      to.push(j);
      into[j]!++;
    }
    left[k] = to.length - first[k]!;
  }
  first[n] = to.length;
  // The links reversed, to tell an id when one it links to has been peeled off.
  const fromFirst = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) fromFirst[k + 1] = fromFirst[k]! + into[k]!;
  const from = new Int32Array(to.length);
  const fill = fromFirst.slice(0, n);
  for (let k = 0; k < n; k++) for (let e = first[k]!; e < first[k + 1]!; e++) from[fill[to[e]!]!++] = k;
  const queue = new Int32Array(n);
  let tail = 0;
  for (let k = 0; k < n; k++) if (left[k] === 0) queue[tail++] = k;
  for (let head = 0; head < tail; head++) {
    const j = queue[head]!;
    for (let e = fromFirst[j]!; e < fromFirst[j + 1]!; e++) if (--left[from[e]!]! === 0) queue[tail++] = from[e]!;
  }
  if (tail === n) return undefined;
  const core = new Map<string, readonly unknown[]>();
  for (let k = 0; k < n; k++) if (left[k]! > 0) core.set(ids[k]!, lists[k]!);
  return core;
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

/**
 * The strongly connected components of two or more nodes, for each of their members (Tarjan's
 * algorithm without recursion, so deep chains cannot overflow the stack). Nodes are numbered first
 * and the search runs over typed arrays: a catalogue of 10,000 entries has no loop, and finding
 * that out should cost next to nothing (#13).
 */
function stronglyConnected(nodes: readonly string[], targets: (id: string) => string[]): Map<string, Set<string>> {
  const number = new Map<string, number>();
  const names: string[] = [];
  const numberOf = (id: string): number => {
    let k = number.get(id);
    if (k === undefined) {
      k = names.length;
      number.set(id, k);
      names.push(id);
    }
    return k;
  };
  for (const id of nodes) numberOf(id);
  // Edges as one array with a start per node (targets of nodes reached only as targets included).
  const edges: number[] = [];
  const start: number[] = [];
  for (let k = 0; k < names.length; k++) {
    start.push(edges.length);
    for (const t of targets(names[k]!)) edges.push(numberOf(t));
  }
  start.push(edges.length);
  const n = names.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  // The depth-first path: a node and the next of its edges to follow.
  const workNode = new Int32Array(n);
  const workEdge = new Int32Array(n);
  const result = new Map<string, Set<string>>();
  let counter = 0;
  let depth = 0;
  const visit = (v: number) => {
    index[v] = low[v] = counter++;
    stack[top++] = v;
    onStack[v] = 1;
    workNode[depth] = v;
    workEdge[depth++] = start[v]!;
  };
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    visit(root);
    while (depth > 0) {
      const v = workNode[depth - 1]!;
      const e = workEdge[depth - 1]!;
      if (e < start[v + 1]!) {
        workEdge[depth - 1] = e + 1;
        const t = edges[e]!;
        if (index[t] === -1) visit(t);
        else if (onStack[t]) low[v] = Math.min(low[v]!, index[t]!);
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = workNode[depth - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        if (stack[top - 1] === v) {
          // A component of one node: on no loop (self-links are left out of `targets`).
          onStack[stack[--top]!] = 0;
          continue;
        }
        const comp = new Set<string>();
        let member: number;
        do {
          member = stack[--top]!;
          onStack[member] = 0;
          comp.add(names[member]!);
        } while (member !== v);
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
  const graph: Graph = { ids: [], lists: [], number: new Map() };
  // The file of each id, by its number.
  const fileOf: ParsedFile[] = [];
  for (const p of files) {
    const d = p.data as Record<string, unknown> | null;
    if (d === null || typeof d !== 'object' || Array.isArray(d) || typeof d.id !== 'string') continue;
    // A duplicate id is MA202's business; its first file stands for it here. The list is taken as
    // written: what is not an id links nowhere, and a link is reported at its own place.
    addNode(graph, d.id, Array.isArray(d.builds_on) ? d.builds_on : NO_LINKS);
    if (graph.ids.length > fileOf.length) fileOf.push(p);
  }
  const out: Diagnostic[] = [];
  for (const [id, place] of loopsOf(graph)) {
    const k = graph.number.get(id)!;
    const p = fileOf[k]!;
    const loop = loopFrom(place, MAX_NAMED + 1);
    const at = graph.lists[k]!.indexOf(loop[1]!);
    // A loop of hostile length is named by its first members only.
    const size = place.loop.length;
    const shown = size > MAX_NAMED ? [...loop.slice(0, MAX_NAMED), `… (${size} entries in all)`] : [...loop, id];
    const names = shown.map((m, i) => (i === MAX_NAMED ? m : quoteInput(m))).join(' → ');
    out.push(makeDiagnostic('MA230', p.file, p.locate(['builds_on', at]), `builds_on forms a loop: ${names}; remove one of these links`));
  }
  return out;
}

const NO_LINKS: readonly unknown[] = [];
