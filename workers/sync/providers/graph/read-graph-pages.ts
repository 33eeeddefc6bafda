/** Validators for delta pages and rows, collection pages and calendars. Import them through graph-types.ts. */
import { asRecord, readEmailAddress, readGraphEvent } from './read-graph-event';
import {
  GraphShapeError,
  readArray,
  readBoolean,
  readEnum,
  readObject,
  readString,
  type JsonRecord,
} from './graph-json';
import {
  CalendarColor,
  type GraphDeltaRow,
  type GraphDeltaPage,
  type GraphCollectionPage,
  type GraphCalendar,
} from './graph-shapes';

/** One row of a delta page: an event, or a removal. */
export function readGraphDeltaRow(json: unknown): GraphDeltaRow {
  const raw = asRecord(json, 'row');
  const removed = raw['@removed'];
  if (removed !== undefined) {
    const id = readString(raw, 'id', 'row');
    const reason = readString(asRecord(removed, '@removed'), 'reason', '@removed', { optional: true });
    return {
      kind: 'removed',
      removed: { id, '@removed': { reason: reason === 'changed' ? 'changed' : 'deleted' } },
    };
  }
  return { kind: 'event', event: readGraphEvent(raw) };
}

function readLink(raw: JsonRecord, key: string, path: string): string | undefined {
  const link = readString(raw, key, path, { optional: true, nullable: true });
  return link ?? undefined;
}

export function readGraphDeltaPage(json: unknown): GraphDeltaPage {
  const raw = asRecord(json, 'page');
  const value = readArray(raw, 'value', 'page');
  const next = readLink(raw, '@odata.nextLink', 'page');
  const delta = readLink(raw, '@odata.deltaLink', 'page');
  if (next === undefined && delta === undefined) {
    throw new GraphShapeError('page', 'has neither @odata.nextLink nor @odata.deltaLink');
  }
  return {
    value,
    ...(next !== undefined ? { '@odata.nextLink': next } : {}),
    ...(delta !== undefined ? { '@odata.deltaLink': delta } : {}),
  };
}

export function readGraphCollectionPage(json: unknown): GraphCollectionPage {
  const raw = asRecord(json, 'page');
  const next = readLink(raw, '@odata.nextLink', 'page');
  return {
    value: readArray(raw, 'value', 'page'),
    ...(next !== undefined ? { '@odata.nextLink': next } : {}),
  };
}

export function readGraphCalendar(json: unknown): GraphCalendar {
  const raw = asRecord(json, 'calendar');
  const c = 'calendar';
  const owner = readObject(raw, 'owner', c, { optional: true, nullable: true });
  const changeKey = readString(raw, 'changeKey', c, { optional: true, nullable: true });
  return {
    id: readString(raw, 'id', c),
    name: readString(raw, 'name', c, { optional: true, nullable: true }) ?? '',
    color: readEnum(raw, 'color', CalendarColor, c, CalendarColor.auto),
    hexColor: readString(raw, 'hexColor', c, { optional: true, nullable: true }) ?? '',
    isDefaultCalendar: readBoolean(raw, 'isDefaultCalendar', c, { optional: true }) ?? false,
    canEdit: readBoolean(raw, 'canEdit', c, { optional: true }) ?? false,
    ...(changeKey ? { changeKey } : {}),
    ...(owner ? { owner: readEmailAddress(owner, 'calendar.owner') } : {}),
  };
}
