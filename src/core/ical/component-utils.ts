/** Small helpers over ical.js components shared by expansion, drafts and edits. */
import ICAL from 'ical.js';

export function cloneComponent(component: ICAL.Component): ICAL.Component {
  return new ICAL.Component(JSON.parse(JSON.stringify(component.toJSON())) as unknown[]);
}

export function textProperty(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : '';
}

export function timeProperty(component: ICAL.Component, name: string): ICAL.Time | null {
  const value = component.getFirstPropertyValue(name);
  return value instanceof ICAL.Time ? value : null;
}

export function recurProperties(component: ICAL.Component): ICAL.Recur[] {
  return component
    .getAllProperties('rrule')
    .map((property) => property.getFirstValue())
    .filter((value): value is ICAL.Recur => value instanceof ICAL.Recur);
}

export function isRecurringMaster(component: ICAL.Component): boolean {
  return component.hasProperty('rrule') || component.hasProperty('rdate');
}

export function isCancelled(component: ICAL.Component): boolean {
  return textProperty(component, 'status').toUpperCase() === 'CANCELLED';
}

/** Every Time value of a multi-valued property (EXDATE, RDATE), period starts included. */
export function timeValues(component: ICAL.Component, name: string): ICAL.Time[] {
  const times: ICAL.Time[] = [];
  for (const property of component.getAllProperties(name)) {
    for (const value of property.getValues() as unknown[]) {
      if (value instanceof ICAL.Time) times.push(value);
      else if (value instanceof ICAL.Period) times.push(value.start);
    }
  }
  return times;
}
