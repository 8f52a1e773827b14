// The time state policies see. Tests put a ManualClock in the environment's stores.
import type { Context, GatewayEnvironment } from "../context.js";

export interface StateClock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const SYSTEM_CLOCK: StateClock = { now: () => Date.now() };

/** A clock that only moves when told to. */
export class ManualClock implements StateClock {
  constructor(public t = Date.UTC(2024, 0, 1)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

const CLOCK_STORE = "state:clock";

export function stateClock(ctx: Context): StateClock {
  return (ctx.$env.stores.get(CLOCK_STORE) as StateClock | undefined) ?? SYSTEM_CLOCK;
}

/** Makes every state policy of this environment use `clock`. */
export function setStateClock(env: GatewayEnvironment, clock: StateClock): void {
  env.stores.set(CLOCK_STORE, clock);
}
