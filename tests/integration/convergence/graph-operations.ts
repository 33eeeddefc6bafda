/**
 * The operations of a convergence case against Microsoft 365 (the Graph provider on the Graph test
 * server), and their fast-check arbitraries: whole events and series, and series edits on one
 * occurrence (an exception, a cancellation) on either side. Targets are indices resolved at run time
 * against what exists on the acting side (modulo its count), as in operations.ts.
 */
import fc from 'fast-check';

export type GraphOperation =
  | { readonly side: 'server'; readonly op: 'create'; readonly recurring: boolean }
  | { readonly side: 'server'; readonly op: 'edit' | 'retime' | 'delete'; readonly target: number }
  /** Another client edits one occurrence of a series (an exception) or cancels it. */
  | {
      readonly side: 'server';
      readonly op: 'edit-one' | 'cancel-one';
      readonly target: number;
      readonly occurrence: number;
    }
  /** The other client deletes every event of the calendar. */
  | { readonly side: 'server'; readonly op: 'clear' }
  | { readonly side: 'local'; readonly op: 'create'; readonly recurring: boolean }
  | { readonly side: 'local'; readonly op: 'edit' | 'retime' | 'delete'; readonly target: number }
  /** The user edits or deletes one occurrence of a series ("this event"). */
  | {
      readonly side: 'local';
      readonly op: 'edit-one' | 'delete-one';
      readonly target: number;
      readonly occurrence: number;
    }
  /** One sync attempt with faults on; its failure is part of the scenario. */
  | { readonly side: 'sync' };

export interface GraphScenario {
  readonly server: 'graph';
  /** Graph is reached directly, never through the CORS proxy. */
  readonly transport: 'direct';
  /** Events on the server before the first sync (true: a series). */
  readonly initial: readonly boolean[];
  readonly operations: readonly GraphOperation[];
  /** Seed of the server's fault plan and of the engine's and the provider's random sources. */
  readonly seed: number;
  /** Fault probability per request and kind (10 kinds, tests/servers/graph/control/fault-plan.ts). */
  readonly faultRate: number;
}

const target = fc.nat({ max: 7 });
const occurrence = fc.nat({ max: 3 });

type Weighted = fc.WeightedArbitrary<GraphOperation>;

const weighted = (weight: number, arbitrary: fc.Arbitrary<GraphOperation>): Weighted => ({
  weight,
  arbitrary,
});

// In this order, so a seed draws the cases it drew when the last two were optional (ALMANAC_FC_GRAPH_ALL).
const operations: fc.Arbitrary<GraphOperation> = fc.oneof(
  weighted(
    2,
    fc.record({
      side: fc.constant('server' as const),
      op: fc.constant('create' as const),
      recurring: fc.boolean(),
    }),
  ),
  weighted(
    3,
    fc.record({
      side: fc.constant('server' as const),
      op: fc.constantFrom('edit' as const, 'retime' as const, 'delete' as const),
      target,
    }),
  ),
  weighted(
    2,
    fc.record({
      side: fc.constant('server' as const),
      op: fc.constantFrom('edit-one' as const, 'cancel-one' as const),
      target,
      occurrence,
    }),
  ),
  weighted(
    2,
    fc.record({
      side: fc.constant('local' as const),
      op: fc.constant('create' as const),
      recurring: fc.boolean(),
    }),
  ),
  weighted(
    3,
    fc.record({
      side: fc.constant('local' as const),
      op: fc.constantFrom('edit' as const, 'retime' as const, 'delete' as const),
      target,
    }),
  ),
  weighted(3, fc.constant({ side: 'sync' as const })),
  weighted(1, fc.constant({ side: 'server' as const, op: 'clear' as const })),
  weighted(
    2,
    fc.record({
      side: fc.constant('local' as const),
      op: fc.constantFrom('edit-one' as const, 'delete-one' as const),
      target,
      occurrence,
    }),
  ),
);

/** Cases against Microsoft 365, every kind of operation (the suite's and `npm run soak`'s). */
export function graphScenarioArbitrary(): fc.Arbitrary<GraphScenario> {
  return fc.record({
    server: fc.constant('graph' as const),
    transport: fc.constant('direct' as const),
    initial: fc.array(fc.boolean(), { maxLength: 6 }),
    // `size: 'max'`: lengths spread over the whole range (fast-check's default caps them near 10).
    operations: fc.array(operations, {
      minLength: 1,
      maxLength: 40,
      size: 'max',
    }),
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    faultRate: fc.constantFrom(0, 0.01, 0.03, 0.05),
  });
}
