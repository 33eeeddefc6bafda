/**
 * A Graph location's details (type, URI, room address, unique id, postal address, coordinates) as
 * X- parameters of the iCalendar property that carries its name (RFC 5545 §3.2: any property may
 * carry X- parameters, and ical.js writes values with quotes or line breaks in RFC 6868's form).
 * `location` goes on LOCATION (with GEO for its coordinates); each entry of `locations` is one
 * X-ALMANAC-GRAPH-LOCATION, so several places survive the round trip.
 */
import type ICAL from 'ical.js';
import type { Location } from './graph-types';

export const LOCATIONS_PROPERTY = 'x-almanac-graph-location';

const TEXT_PARAMS = [
  ['locationType', 'x-location-type'],
  ['locationUri', 'x-location-uri'],
  ['locationEmailAddress', 'x-location-email'],
  ['uniqueId', 'x-unique-id'],
  ['uniqueIdType', 'x-unique-id-type'],
] as const;

const ADDRESS_PARAMS = [
  ['street', 'x-street'],
  ['city', 'x-city'],
  ['state', 'x-state'],
  ['countryOrRegion', 'x-country'],
  ['postalCode', 'x-postal-code'],
] as const;

const COORDINATE_PARAMS = [
  ['latitude', 'x-latitude'],
  ['longitude', 'x-longitude'],
  ['accuracy', 'x-accuracy'],
  ['altitude', 'x-altitude'],
  ['altitudeAccuracy', 'x-altitude-accuracy'],
] as const;

/** Puts the location's name in the property's value and its details in X- parameters. */
export function writeLocation(property: ICAL.Property, location: Location): void {
  property.resetType('text');
  property.setValue(location.displayName);
  for (const [key, param] of TEXT_PARAMS) {
    const value = location[key];
    if (value !== undefined) property.setParameter(param, value);
  }
  for (const [key, param] of ADDRESS_PARAMS) {
    const value = location.address?.[key];
    if (value !== undefined) property.setParameter(param, value);
  }
  for (const [key, param] of COORDINATE_PARAMS) {
    const value = location.coordinates?.[key];
    if (value !== undefined) property.setParameter(param, String(value));
  }
}

function param(property: ICAL.Property, name: string): string | undefined {
  const value: unknown = property.getParameter(name);
  if (typeof value === 'string' && value !== '') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value.join(',');
  return undefined;
}

/** The location a property written by writeLocation (or any LOCATION) describes. */
export function readLocation(property: ICAL.Property): Location {
  const value: unknown = property.getFirstValue();
  const location: Record<string, unknown> = { displayName: typeof value === 'string' ? value : '' };
  for (const [key, name] of TEXT_PARAMS) {
    const text = param(property, name);
    if (text !== undefined) location[key] = text;
  }
  const address: Record<string, string> = {};
  for (const [key, name] of ADDRESS_PARAMS) {
    const text = param(property, name);
    if (text !== undefined) address[key] = text;
  }
  const coordinates: Record<string, number> = {};
  for (const [key, name] of COORDINATE_PARAMS) {
    const number = Number(param(property, name));
    if (param(property, name) !== undefined && Number.isFinite(number)) coordinates[key] = number;
  }
  if (Object.keys(address).length > 0) location['address'] = address;
  if (Object.keys(coordinates).length > 0) location['coordinates'] = coordinates;
  // Built key by key from the parameters above; the record has exactly Location's shape.
  return location as unknown as Location;
}
