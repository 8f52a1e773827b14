// A Replace / Match.Result replacement pattern as .NET's RegexParser.ScanReplacement reads it: literal
// text, group references ($n, ${n}, ${name}; under ECMAScript $nn takes the longest number that names
// a group) and $$ $& $` $' $+ $_; anything else after `$` is literal. Parsed once per regex and
// pattern, before any match (a bad one throws even when nothing matches).
import { argumentError } from "../errors.js";
import type { GroupTable } from "./regex-groups.js";
import { isWordChar } from "./regex-net-sets.js";

/** A piece: literal text, a group's slot (>= 0), or one of the specials below. */
export type ReplacementPiece = string | number;
export const LEFT_PORTION = -1;
export const RIGHT_PORTION = -2;
export const LAST_GROUP = -3;
export const WHOLE_STRING = -4;

const MAX_DIV10 = Math.floor(2147483647 / 10);
const MAX_MOD10 = 2147483647 % 10;

export function parseReplacement(repl: string, table: GroupTable, ecma: boolean): ReplacementPiece[] {
  const out: ReplacementPiece[] = [];
  let lit = "";
  let pos = 0;
  const outOfRange = () => argumentError(`parsing "${repl}" - Capture group numbers must be less than or equal to Int32.MaxValue.`);
  const digit = (i: number) => {
    const d = repl.charCodeAt(i) - 48;
    return d >= 0 && d <= 9 ? d : -1;
  };
  const ref = (slot: number) => {
    if (lit) out.push(lit);
    lit = "";
    out.push(slot);
  };
  while (pos < repl.length) {
    const c = repl[pos++]!;
    if (c !== "$" || pos >= repl.length) {
      lit += c;
      continue;
    }
    // ScanDollar, `pos` just after the `$`
    const backpos = pos;
    let ch = repl[pos]!;
    let angled = false;
    if (ch === "{" && repl.length - pos > 1) {
      angled = true;
      ch = repl[++pos]!;
    }
    if (digit(pos) >= 0) {
      if (!angled && ecma) {
        let capnum = -1;
        let n = digit(pos++);
        let lastEnd = backpos;
        if (table.slotOf(n) >= 0) {
          capnum = n;
          lastEnd = pos;
        }
        while (pos < repl.length && digit(pos) >= 0) {
          const d = digit(pos);
          if (n > MAX_DIV10 || (n === MAX_DIV10 && d > MAX_MOD10)) throw outOfRange();
          n = n * 10 + d;
          pos++;
          if (table.slotOf(n) >= 0) {
            capnum = n;
            lastEnd = pos;
          }
        }
        pos = lastEnd;
        if (capnum >= 0) {
          ref(table.slotOf(capnum));
          continue;
        }
      } else {
        let n = 0;
        while (pos < repl.length && digit(pos) >= 0) {
          const d = digit(pos++);
          if (n > MAX_DIV10 || (n === MAX_DIV10 && d > MAX_MOD10)) throw outOfRange();
          n = n * 10 + d;
        }
        if ((!angled || (pos < repl.length && repl[pos++] === "}")) && table.slotOf(n) >= 0) {
          ref(table.slotOf(n));
          continue;
        }
      }
    } else if (angled && isWordChar(ch.charCodeAt(0))) {
      const start = pos;
      while (pos < repl.length && isWordChar(repl.charCodeAt(pos))) pos++;
      const name = repl.slice(start, pos);
      if (pos < repl.length && repl[pos++] === "}") {
        const slot = table.slotOfName(name);
        if (slot >= 0) {
          ref(slot);
          continue;
        }
      }
    } else if (!angled) {
      const special = ch === "&" ? 0 : ch === "`" ? LEFT_PORTION : ch === "'" ? RIGHT_PORTION : ch === "+" ? LAST_GROUP : ch === "_" ? WHOLE_STRING : ch === "$" ? "$" : null;
      if (special !== null) {
        pos++;
        if (special === "$") lit += "$";
        else ref(special);
        continue;
      }
    }
    // an unrecognized `$`: literal, and the scan goes on after it
    pos = backpos;
    lit += "$";
  }
  if (lit) out.push(lit);
  return out;
}
