import { describe, expect, it } from 'vitest';
import {
  ChangeOutcome,
  createSavingMarks,
  type MarkableElement,
  type MarkableRoot,
} from '../../../src/pages/agenda/saving-marks';

/** A stand-in for an event element FullCalendar drew: its attributes in a map. */
function element(occurrenceId: string): MarkableElement & { readonly attributes: Map<string, string> } {
  const attributes = new Map([['data-occurrence-id', occurrenceId]]);
  return {
    attributes,
    getAttribute: (name) => attributes.get(name) ?? null,
    setAttribute: (name, value) => {
      attributes.set(name, value);
    },
    removeAttribute: (name) => {
      attributes.delete(name);
    },
  };
}

function root(elements: MarkableElement[]): MarkableRoot {
  return { querySelectorAll: () => elements };
}

const busy = (el: { readonly attributes: Map<string, string> }): string | undefined =>
  el.attributes.get('aria-busy');

describe('saving marks', () => {
  it('marks every element of the occurrence until its change ends, and elements drawn meanwhile', () => {
    const a1 = element('a|single');
    const a2 = element('a|single');
    const b = element('b|single');
    const idle: string[][] = [];
    const marks = createSavingMarks(root([a1, a2, b]), (stored) => idle.push([...stored]));

    const end = marks.begin('a|single');
    expect([busy(a1), busy(a2), busy(b)]).toEqual(['true', 'true', undefined]);
    expect(marks.isSaving('a|single')).toBe(true);
    expect(marks.active()).toBe(true);
    const redrawn = element('a|single');
    marks.decorate(redrawn, 'a|single');
    expect(busy(redrawn)).toBe('true');

    end(ChangeOutcome.committed);
    expect([busy(a1), busy(a2)]).toEqual([undefined, undefined]);
    expect(marks.active()).toBe(false);
    expect(idle).toEqual([['a|single']]);
    const later = element('a|single');
    marks.decorate(later, 'a|single');
    expect(busy(later)).toBeUndefined();
  });

  it('stays marked while a second change of the same occurrence is still saving', () => {
    const a = element('a|single');
    const idle: string[][] = [];
    const marks = createSavingMarks(root([a]), (stored) => idle.push([...stored]));
    const first = marks.begin('a|single');
    const second = marks.begin('a|single');
    first(ChangeOutcome.committed);
    first(ChangeOutcome.committed);
    expect(busy(a)).toBe('true');
    expect(idle).toEqual([]);
    second(ChangeOutcome.reverted);
    expect(busy(a)).toBeUndefined();
    // One of the changes that ended committed: events read before it are stale for that occurrence.
    expect(idle).toEqual([['a|single']]);
  });

  it('names, once all changes have ended, the occurrences whose changes committed meanwhile', () => {
    const idle: string[][] = [];
    const marks = createSavingMarks(root([]), (stored) => idle.push([...stored]));
    marks.begin('a|single')(ChangeOutcome.reverted);
    const b = marks.begin('b|single');
    const c = marks.begin('c|single');
    const d = marks.begin('d|single');
    b(ChangeOutcome.committed);
    c(ChangeOutcome.reverted);
    d(ChangeOutcome.committed);
    expect(idle).toEqual([[], ['b|single', 'd|single']]);
  });
});
