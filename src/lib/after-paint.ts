/** The wait has a bound: a browser without Paint or Element Timing, or a page hidden before painting. */
const PAINT_TIMEOUT_MS = 2_000;

/**
 * Runs `task` once content is on screen, so secondary downloads (FullCalendar's chunk, the service
 * worker) never compete with what that content needs on a slow network. "On screen" is the first
 * contentful paint (Paint Timing), or, given an `elementtiming` identifier, that element's paint
 * (Element Timing); both are buffered, so a later call runs at once. Where the browser reports
 * neither, two frames later.
 */
export function afterPaint(task: () => void, elementTiming?: string): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    observer?.disconnect();
    clearTimeout(timer);
    // Outside the observer's callback, as a task of its own.
    setTimeout(task, 0);
  };
  const timer = setTimeout(run, PAINT_TIMEOUT_MS);
  const observer =
    elementTiming === undefined
      ? observe('paint', (entry) => entry.name === 'first-contentful-paint', run)
      : observe('element', (entry) => identifierOf(entry) === elementTiming, run);
  if (!observer) {
    requestAnimationFrame(() => {
      requestAnimationFrame(run);
    });
  }
}

/** Element Timing's entry type is not in TypeScript's DOM library yet. */
function identifierOf(entry: PerformanceEntry): unknown {
  return (entry as PerformanceEntry & { identifier?: unknown }).identifier;
}

function observe(
  type: 'paint' | 'element',
  matches: (entry: PerformanceEntry) => boolean,
  onPainted: () => void,
): PerformanceObserver | null {
  if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes.includes(type)) {
    return null;
  }
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some(matches)) onPainted();
  });
  observer.observe({ type, buffered: true });
  return observer;
}
