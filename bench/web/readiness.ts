/** When a page counts as usable; checked inside the page on every animation frame. */
export interface Readiness {
  /** Selectors that must each match an element that is rendered and not disabled. */
  usable: string[];
  /** Selectors that must match nothing (spinners). */
  busy: string[];
  /**
   * If set, the page must also stay usable this long with no API call in flight. The time reported is
   * the start of that quiet stretch, so waiting for it adds nothing to the number, only to the run.
   */
  apiQuietMs?: number;
}

/**
 * The init script that watches a page from its first byte: it counts the app's API fetches and, on
 * each frame, checks the readiness rule; it stores the moment the page became usable in
 * `window.benchUsableAt` (`performance.now()`, so relative to navigation start).
 */
export function readinessProbe(readiness: Readiness): { content: string } {
  // tsx compiles with esbuild's `keepNames`, which wraps inner functions in a `__name` helper that
  // exists in Node but not in the page: the script brings a do-nothing one along.
  return { content: `{ const __name = (f) => f; (${probe.toString()})(${JSON.stringify(readiness)}); }` };
}

function probe(r: Readiness): void {
  let inFlight = 0;
  let started = 0;
  const pageFetch = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!new URL(url, location.href).pathname.startsWith("/api/")) return pageFetch(input, init);
    inFlight++;
    started++;
    return pageFetch(input, init).finally(() => inFlight--);
  };
  let quietSince: { at: number; started: number } | null = null;
  const isUsable = (selector: string) => {
    const el = document.querySelector(selector);
    return el instanceof HTMLElement && el.checkVisibility() && !el.matches(":disabled, [aria-disabled=true]");
  };
  const check = () => {
    const now = performance.now();
    const ready =
      (r.apiQuietMs === undefined || inFlight === 0) &&
      r.usable.every(isUsable) &&
      !r.busy.some((s) => document.querySelector(s));
    // A call that started and ended between two frames still breaks the quiet stretch.
    if (!ready || quietSince?.started !== started) quietSince = ready ? { at: now, started } : null;
    if (quietSince && now - quietSince.at >= (r.apiQuietMs ?? 0)) {
      (window as { benchUsableAt?: number }).benchUsableAt = quietSince.at;
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}
