// Event-loop watch (issue 17): one request that computes for long stops every other request, so the
// gateway measures the loop's delay (perf_hooks.monitorEventLoopDelay), exports it as metrics, and
// when a window's worst delay passes a threshold logs one line naming the request with the longest
// own time (total minus the backend's) in that window: the likeliest holder of the loop.
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

export interface LoopHolder {
  method: string;
  url: string;
  requestId: string;
  api: string | null;
  operation: string | null;
  ownMs: number;
}

export interface EventLoopWatchOptions {
  /** A window whose worst delay is over this many ms is logged (default 100). */
  thresholdMs?: number;
  /** Window length in ms (default 1000). */
  windowMs?: number;
  log: (line: string) => void;
}

export class EventLoopWatch {
  private readonly h: IntervalHistogram;
  private readonly timer: NodeJS.Timeout;
  private readonly thresholdMs: number;
  private holder: LoopHolder | null = null;
  private stall: { maxMs: number; holder: LoopHolder | null } | null = null;
  /** The last finished window's delays (seconds), for the metrics. */
  last = { p50: 0, p99: 0, max: 0 };
  maxSeconds = 0;
  stalls = 0;

  constructor(private readonly opts: EventLoopWatchOptions) {
    this.thresholdMs = opts.thresholdMs ?? 100;
    this.h = monitorEventLoopDelay({ resolution: 10 });
    this.h.enable();
    this.timer = setInterval(() => this.check(), opts.windowMs ?? 1000);
    this.timer.unref();
  }

  /** Per request, after its response is written: true when it has the window's longest own time so far. */
  longest(ownMs: number): boolean {
    return this.holder === null || ownMs > this.holder.ownMs;
  }
  hold(holder: LoopHolder): void {
    this.holder = holder;
  }

  /**
   * Ends a window: records its delays. A window over the threshold is logged at the end of the next
   * one, since the request that held the loop may finish only after this timer ran.
   */
  check(): void {
    const h = this.h;
    if (this.stall) {
      const r = longer(this.stall.holder, this.holder);
      this.opts.log(
        `event loop delayed ${this.stall.maxMs.toFixed(0)} ms (threshold ${this.thresholdMs} ms); the longest request then: ` +
          (r ? `${r.method} ${r.url} ${r.ownMs.toFixed(0)} ms of its own time, request ${r.requestId}, api ${r.api ?? "-"}, operation ${r.operation ?? "-"}` : "none finished"),
      );
      this.stall = null;
    }
    if (h.count === 0) return;
    const maxMs = h.max / 1e6;
    this.last = { p50: h.percentile(50) / 1e9, p99: h.percentile(99) / 1e9, max: maxMs / 1000 };
    this.maxSeconds = Math.max(this.maxSeconds, maxMs / 1000);
    if (maxMs > this.thresholdMs) {
      this.stalls++;
      this.stall = { maxMs, holder: this.holder };
    }
    h.reset();
    this.holder = null;
  }

  close(): void {
    clearInterval(this.timer);
    this.h.disable();
  }
}

function longer(a: LoopHolder | null, b: LoopHolder | null): LoopHolder | null {
  return a === null ? b : b === null || a.ownMs >= b.ownMs ? a : b;
}
