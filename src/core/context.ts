/** The outside world the core needs, injected so it runs the same in Node, a page and a worker. */
export interface CoreContext {
  /** Current time, epoch ms. */
  readonly now: () => number;
  /** The viewer's IANA zone (e.g. `Europe/Zurich`): where floating and all-day times are placed. */
  readonly viewerZone: string;
}
