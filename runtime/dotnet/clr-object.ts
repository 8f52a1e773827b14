// The base of .NET objects apimc models without a ToString of their own: Object.ToString() is the
// type's full name (what string concatenation, string.Join and interpolation print for them).

export abstract class ClrObject {
  /** The .NET type's full name. */
  abstract readonly $typeName: string;
  ToString(): string {
    return this.$typeName;
  }
  toString(): string {
    return this.$typeName;
  }
}
