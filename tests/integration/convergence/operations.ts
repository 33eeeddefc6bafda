/**
 * The operations a convergence case is made of, and their fast-check arbitraries. Targets are
 * indices resolved at run time against what exists on the acting side (modulo its count), so every
 * generated list is runnable and shrinks well.
 */
import fc from 'fast-check';

export type Operation =
  | { readonly side: 'server'; readonly op: 'create'; readonly recurring: boolean }
  | {
      readonly side: 'server';
      readonly op: 'edit' | 'retime' | 'delete' | 'rename-href';
      readonly target: number;
    }
  /** The other client deletes every object of the calendar. */
  | { readonly side: 'server'; readonly op: 'clear' }
  | { readonly side: 'local'; readonly op: 'create'; readonly recurring: boolean }
  | { readonly side: 'local'; readonly op: 'edit' | 'retime' | 'delete'; readonly target: number }
  /** One sync attempt with faults on; its failure is part of the scenario. */
  | { readonly side: 'sync' };

export type Transport = 'direct' | 'proxy';

export interface Scenario {
  readonly server: 'radicale' | 'xandikos';
  /** Engine → fault layer → server, or engine → CORS proxy → fault layer → server. */
  readonly transport: Transport;
  /** Objects on the server before the first sync. */
  readonly initial: readonly boolean[];
  readonly operations: readonly Operation[];
  /** Seed of the fault layer's and the engine's random source. */
  readonly seed: number;
  /** Fault probability per request and kind (9 kinds). */
  readonly faultRate: number;
}

const target = fc.nat({ max: 7 });

const operation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      side: fc.constant('server' as const),
      op: fc.constant('create' as const),
      recurring: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      side: fc.constant('server' as const),
      op: fc.constantFrom('edit' as const, 'retime' as const, 'delete' as const, 'rename-href' as const),
      target,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      side: fc.constant('local' as const),
      op: fc.constant('create' as const),
      recurring: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      side: fc.constant('local' as const),
      op: fc.constantFrom('edit' as const, 'retime' as const, 'delete' as const),
      target,
    }),
  },
  { weight: 1, arbitrary: fc.constant({ side: 'server' as const, op: 'clear' as const }) },
  { weight: 3, arbitrary: fc.constant({ side: 'sync' as const }) },
);

export const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  server: fc.constantFrom('radicale' as const, 'xandikos' as const),
  transport: fc.constantFrom('direct' as const, 'proxy' as const),
  initial: fc.array(fc.boolean(), { maxLength: 6 }),
  // Sized so 200 cases take about 45 s on 2 idle cores (case size, not case count, is the knob).
  // `size: 'max'`: lengths spread over the whole range (fast-check's default caps them near 10).
  operations: fc.array(operation, { minLength: 1, maxLength: 40, size: 'max' }),
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  faultRate: fc.constantFrom(0, 0.01, 0.03, 0.06, 0.08),
});
