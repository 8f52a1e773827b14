// The .NET regex engine (regex-net-parse/-code/-interp.ts) as regex.ts uses it: which patterns take
// it (those whose JS translation would answer differently from .NET: a backreference, a lookbehind,
// a conditional, a balancing group, RegexOptions.RightToLeft, a loop whose body can match empty or
// captures), and the string slicing .NET's Replace and Split do on its matches.
import { argumentError, argumentOutOfRange } from "../errors.js";
import { NetParseError, parseNetRegex } from "./regex-net-parse.js";
import { writeProgram } from "./regex-net-code.js";
import { NetRunner, type NetMatchData } from "./regex-net-interp.js";

export { NetTimeout, type NetMatchData } from "./regex-net-interp.js";

export class NetEngine {
  private readonly runner: NetRunner;
  readonly rightToLeft: boolean;
  private constructor(
    /** Group names (or numbers as text) in slot order. */
    readonly names: string[],
    /** Group numbers in slot order. */
    readonly numbers: number[],
    runner: NetRunner,
    rightToLeft: boolean,
  ) {
    this.runner = runner;
    this.rightToLeft = rightToLeft;
  }

  /**
   * The engine for a pattern that needs .NET's semantics, or null (the JS translation is exact, or the
   * parser does not take it). `forCaptures`: also when the pattern has a capture inside a loop (the JS
   * engine answers right but keeps only a group's last capture; Group.Captures asks this engine).
   */
  static tryCompile(pattern: string, opts: number, forCaptures = false): NetEngine | null {
    try {
      const parsed = parseNetRegex(pattern, opts);
      if (!parsed.needsNet && !(forCaptures && parsed.loopCapture)) return null;
      const prog = writeProgram(parsed.root, parsed.numbers, opts);
      return new NetEngine(parsed.names, parsed.numbers, new NetRunner(prog, (opts & 256) !== 0), prog.rightToLeft);
    } catch (e) {
      // a reference to an undefined group: .NET's ArgumentException (a JS RegExp may count groups otherwise)
      if (e instanceof NetParseError && e.definite) throw argumentError(e.message);
      return null; // a construct this parser lacks (Unicode block names): the JS translation keeps it
    }
  }

  /** RegexRunner.Scan from `startat` (prevlen 0: the previous match was empty, start one further). */
  scan(input: string, startat: number, prevlen: number, quick: true, deadline: number): NetMatchData | null | true;
  scan(input: string, startat: number, prevlen: number, quick: false, deadline: number): NetMatchData | null;
  scan(input: string, startat: number, prevlen: number, quick: boolean, deadline: number): NetMatchData | null | true {
    return this.runner.scan(input, startat, prevlen, quick, deadline);
  }
}

/** string.AsMemory(start, length) as .NET Core's Regex.Replace slices the input (its one check names `start`). */
export function memorySlice(s: string, start: number, length: number): string {
  if (start < 0 || start > s.length || length < 0 || length > s.length - start) throw argumentOutOfRange("start");
  return s.substr(start, length);
}

/** String.Substring(startIndex, length) with .NET's checks and messages (Regex.Split, Capture.Value). */
export function netSubstring(s: string, start: number, length: number): string {
  if (start < 0) throw argumentOutOfRange("startIndex", "StartIndex cannot be less than zero.");
  if (start > s.length) throw argumentOutOfRange("startIndex", "startIndex cannot be larger than length of string.");
  if (length < 0) throw argumentOutOfRange("length", "Length cannot be less than zero.");
  if (start > s.length - length) throw argumentOutOfRange("length", "Index and length must refer to a location within the string.");
  return s.substr(start, length);
}
