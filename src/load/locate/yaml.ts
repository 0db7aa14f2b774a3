/**
 * Finds where a JSON pointer's target sits in YAML text. The text is re-read as js-yaml's
 * flat event stream (offsets into the text, no values built) the first time a position is
 * asked for; one pass then records where each node ends and where each anchor is, so a
 * lookup only steps over siblings. Aliases and `<<` merge keys are followed.
 */
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';
import type { TextFinder } from './types.js';

interface Index {
  events: Event[];
  /** end[i]: index of the event after node i (and all it contains) */
  end: Int32Array;
  /** anchor name → indices of the nodes that define it, ascending */
  anchors: Map<string, number[]>;
}

function build(text: string): Index | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: 1000 });
  } catch {
    return undefined;
  }
  const end = new Int32Array(events.length);
  const anchors = new Map<string, number[]>();
  const open: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        open.push(i);
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        open.push(i);
        addAnchor(text, anchors, e.anchorStart, e.anchorEnd, i);
        break;
      case EVENT_ID.SCALAR:
        end[i] = i + 1;
        addAnchor(text, anchors, e.anchorStart, e.anchorEnd, i);
        break;
      case EVENT_ID.ALIAS:
        end[i] = i + 1;
        break;
      case EVENT_ID.POP: {
        const start = open.pop();
        if (start !== undefined) end[start] = i + 1;
        end[i] = i + 1;
        break;
      }
    }
  }
  return { events, end, anchors };
}

function addAnchor(text: string, anchors: Map<string, number[]>, start: number, stop: number, i: number): void {
  if (start < 0) return;
  const name = text.slice(start, stop);
  const list = anchors.get(name);
  if (list) list.push(i);
  else anchors.set(name, [i]);
}

export function yamlFinder(text: string): TextFinder {
  let index: Index | undefined | null = null;

  return (segments) => {
    if (index === null) index = build(text);
    if (!index) return { offset: 0, exact: false };
    const { events, end, anchors } = index;

    const position = (i: number): number => {
      const e = events[i];
      switch (e.type) {
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE:
          return e.start;
        case EVENT_ID.SCALAR:
          if (e.valueStart < 0) return Math.max(0, e.anchorStart - 1);
          // a quoted scalar: its opening quote
          return e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED ? Math.max(0, e.valueStart - 1) : e.valueStart;
        case EVENT_ID.ALIAS:
          return Math.max(0, e.anchorStart - 1);
        default:
          return 0;
      }
    };

    /** follow an alias to the node whose anchor it names (the last definition before it) */
    const deref = (i: number): number => {
      const e = events[i];
      if (e.type !== EVENT_ID.ALIAS) return i;
      const defs = anchors.get(text.slice(e.anchorStart, e.anchorEnd));
      if (!defs) return i;
      let found = -1;
      for (const d of defs) {
        if (d < i) found = d;
        else break;
      }
      return found === -1 ? i : found;
    };

    const keyMatches = (k: number, seg: string, loose: boolean): boolean => {
      const e = events[k];
      if (e.type !== EVENT_ID.SCALAR) return false;
      const v = getScalarValue(text, e as ScalarEvent);
      if (v === seg) return true;
      // plain keys such as `0x10:` or `1.0:` become '16' and '1' in the loaded object
      return loose && (e as ScalarEvent).style === SCALAR_STYLE.PLAIN && /^[-+.]?\d/.test(v) && String(Number(v)) === seg;
    };

    const member = (m: number, seg: string, depth: number): { key: number; value: number } | undefined => {
      for (const loose of [false, true]) {
        const merges: number[] = [];
        for (let j = m + 1; j < events.length && events[j].type !== EVENT_ID.POP; ) {
          const value = end[j];
          if (keyMatches(j, seg, loose)) return { key: j, value };
          const e = events[j];
          if (e.type === EVENT_ID.SCALAR && (e as ScalarEvent).style === SCALAR_STYLE.PLAIN && getScalarValue(text, e as ScalarEvent) === '<<') {
            merges.push(value);
          }
          j = end[value];
        }
        if (depth > 20) continue;
        for (const mv of merges) {
          const target = deref(mv);
          const sources: number[] = [];
          if (events[target].type === EVENT_ID.MAPPING) sources.push(target);
          else if (events[target].type === EVENT_ID.SEQUENCE) {
            for (let j = target + 1; events[j].type !== EVENT_ID.POP; j = end[j]) sources.push(deref(j));
          }
          for (const s of sources) {
            if (events[s].type !== EVENT_ID.MAPPING) continue;
            const found = member(s, seg, depth + 1);
            if (found) return found;
          }
        }
      }
      return undefined;
    };

    const item = (s: number, index: number): number | undefined => {
      let j = s + 1;
      for (let k = 0; j < events.length && events[j].type !== EVENT_ID.POP; k++) {
        if (k === index) return j;
        j = end[j];
      }
      return undefined;
    };

    if (events.length < 2) return { offset: 0, exact: false };
    let node = 1; // events[0] opens the document
    let best = position(node);
    for (const seg of segments) {
      const target = deref(node);
      const e = events[target];
      if (e.type === EVENT_ID.MAPPING) {
        const m = member(target, seg, 0);
        if (!m) return { offset: best, exact: false };
        best = position(m.key);
        node = m.value;
      } else if (e.type === EVENT_ID.SEQUENCE) {
        if (!/^(0|[1-9]\d*)$/.test(seg)) return { offset: best, exact: false };
        const at = item(target, Number(seg));
        if (at === undefined) return { offset: best, exact: false };
        best = position(at);
        node = at;
      } else {
        return { offset: best, exact: false };
      }
    }
    return { offset: best, exact: true };
  };
}
