// A load-balanced pool (APIM backend `type: "Pool"`, `pool.services`): priority groups, and within
// a group weighted round-robin. The group used is the one with the lowest priority number that has
// a member available (its circuit breaker closed); a member without a breaker is always available,
// as in APIM ("lower priority groups only when all backends in higher priority groups are
// unavailable because circuit breaker rules are tripped"). Within the group: smooth weighted
// round-robin (nginx's): over any run of requests each member's share is its weight's share,
// interleaved rather than in bursts, and with equal weights it is plain round-robin.

export interface PoolMember {
  /** The member backend's id. */
  id: string;
  priority: number;
  weight: number;
}

export class PoolBalancer {
  /** Smooth weighted round-robin state, one entry a member (by index). */
  private readonly current: Float64Array;
  /** Priorities in ascending order, without repeats. */
  private readonly priorities: number[];

  constructor(readonly members: readonly PoolMember[]) {
    this.current = new Float64Array(members.length);
    this.priorities = [...new Set(members.map((m) => m.priority))].sort((a, b) => a - b);
  }

  /**
   * The member to send the next request to, or null when every member is unavailable. Weight 0
   * members are chosen only when every available member of their group has weight 0.
   */
  choose(available: (id: string) => boolean): PoolMember | null {
    const ms = this.members;
    for (const p of this.priorities) {
      let total = 0;
      let any = false;
      for (let i = 0; i < ms.length; i++) {
        const m = ms[i]!;
        if (m.priority !== p || !available(m.id)) continue;
        any = true;
        total += m.weight;
      }
      if (!any) continue;
      const zeroOnly = total === 0;
      let best = -1;
      let sum = 0;
      for (let i = 0; i < ms.length; i++) {
        const m = ms[i]!;
        if (m.priority !== p || !available(m.id)) continue;
        const w = zeroOnly ? 1 : m.weight;
        sum += w;
        this.current[i] += w;
        if (best === -1 || this.current[i]! > this.current[best]!) best = i;
      }
      this.current[best] -= sum;
      return ms[best]!;
    }
    return null;
  }
}
