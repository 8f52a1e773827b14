// A .NET Regex's group table: numbers and names by slot, and the lookups GroupCollection's indexers do
// (Regex.GroupNumberFromName, the number → slot map of a pattern whose numbers have gaps, and
// GroupNameFromNumber, which GroupCollection calls with a slot index: its names are .NET's, quirks too).
import { argumentNull } from "../errors.js";

export class GroupTable {
  /** Name and number strings → numbers (.NET's capnames): only when a group is named or numbers have gaps. */
  private readonly capnames: Map<string, number> | null;
  /** Number → slot (.NET's caps): only when the numbers have gaps. */
  private readonly caps: Map<number, number> | null;
  constructor(
    /** Group numbers by slot (ascending, 0 first). */
    readonly numbers: readonly number[],
    /** Names by slot (a group without a name: its number as text). */
    readonly names: readonly string[],
  ) {
    const gaps = numbers[numbers.length - 1] !== numbers.length - 1;
    const named = names.some((n, i) => n !== String(numbers[i]));
    this.caps = gaps ? new Map(numbers.map((n, slot) => [n, slot])) : null;
    this.capnames = gaps || named ? new Map(names.map((n, slot) => [n, numbers[slot]!])) : null;
  }

  /**
   * The table of a translated pattern's groups (names in any order: "0", unnamed "1".."k", explicit
   * numbers, names): named groups take the free numbers from 1 up in order of appearance, as
   * RegexParser.AssignNameSlots does; slots in number order. `order[slot]` is the index in `names`.
   */
  static fromNames(names: readonly string[]): { table: GroupTable; order: number[] } {
    const used = new Set(names.filter((n) => /^\d+$/.test(n)).map(Number));
    let auto = 1;
    const num = names.map((n) => {
      if (/^\d+$/.test(n)) return Number(n);
      while (used.has(auto)) auto++;
      used.add(auto);
      return auto++;
    });
    const order = names.map((_, i) => i).sort((a, b) => num[a]! - num[b]!);
    return { table: new GroupTable(order.map((i) => num[i]!), order.map((i) => names[i]!)), order };
  }

  /** Regex.GroupNumberFromName: -1 when there is no such group. */
  numberFromName(name: string): number {
    if (name === null || name === undefined) throw argumentNull("name");
    if (this.capnames) return this.capnames.get(name) ?? -1;
    // digits only, accumulated in int arithmetic (it wraps), then range-checked
    let r = 0;
    for (let i = 0; i < name.length; i++) {
      const ch = name.charCodeAt(i);
      if (ch > 57 || ch < 48) return -1;
      r = (Math.imul(r, 10) + (ch - 48)) | 0;
    }
    return r >= 0 && r < this.numbers.length ? r : -1;
  }

  /** The slot of a group NAME (the replacement parser's IsCaptureName: names exist only with capnames), or -1. */
  slotOfName(name: string): number {
    const n = this.capnames?.get(name);
    return n === undefined ? -1 : this.slotOf(n);
  }
  /** The slot of group number `n` (GroupCollection.GetGroup), or -1. */
  slotOf(n: number): number {
    if (this.caps) return this.caps.get(n) ?? -1;
    return n >= 0 && n < this.numbers.length ? n : -1;
  }

  /** The Name of the Group in `slot`: .NET passes the slot to GroupNameFromNumber, so with gaps a name can be another group's or "". */
  slotName(slot: number): string {
    const capslist = this.capnames ? this.names : null;
    if (!capslist) return slot >= 0 && slot < this.numbers.length ? String(slot) : "";
    let i = slot;
    if (this.caps) {
      const s = this.caps.get(slot);
      if (s === undefined) return "";
      i = s;
    }
    return i >= 0 && i < capslist.length ? capslist[i]! : "";
  }
}
