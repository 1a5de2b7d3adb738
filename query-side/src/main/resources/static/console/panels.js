// The history side panel: an alert's events (who did what, when: read from the event store by the API).

import {call} from './api.js';

const LOCATION_EVENTS = new Set(['EmergencyRaised', 'SafetyTimerArmed', 'AlertLocationReported']);

/** GET /alerts/{id}/history, oldest first. */
export async function fetchHistory(alertId) {
  return (await call('GET', `/alerts/${encodeURIComponent(alertId)}/history`)).body;
}

/** When the newest location fix in a history was reported, or null. */
export function lastLocationFix(history) {
  const fixes = history.filter(entry => LOCATION_EVENTS.has(entry.type) && entry.data?.location);
  const last = fixes[fixes.length - 1];
  return last ? {location: last.data.location, at: last.at} : null;
}

let historyAlertId = null;

export function historyShowing() {
  return historyAlertId;
}

export async function showHistory(view, elements) {
  historyAlertId = view.alertId;
  elements.panel.hidden = false;
  elements.panel.dataset.alertId = view.alertId;
  elements.subject.textContent = `${view.type === 'EMERGENCY' ? 'Panic button' : 'Safety timer'} of ${view.crewMemberId}`
    + ` · alert ${view.alertId}`;
  await refreshHistory(elements);
  elements.close.focus();
}

export function closeHistory(elements) {
  historyAlertId = null;
  elements.panel.hidden = true;
  delete elements.panel.dataset.alertId;
}

export async function refreshHistory(elements) {
  const alertId = historyAlertId;
  if (!alertId) return;
  let history;
  try {
    history = await fetchHistory(alertId);
  } catch (e) {
    elements.list.replaceChildren(item('error', e.message));
    return;
  }
  if (alertId !== historyAlertId) return; // another alert was opened meanwhile
  elements.list.replaceChildren(...history.map(entry => {
    const li = document.createElement('li');
    li.dataset.type = entry.type;
    li.dataset.sequence = entry.sequence;
    const type = span('type', words(entry.type));
    const when = span('when', ` ${new Date(entry.at).toLocaleString()}`);
    when.title = entry.at;
    const actor = span('actor', ` by ${entry.actor ?? 'the system'}`);
    li.append(type, when, actor);
    const details = describe(entry);
    if (details) li.append(item('details', details, 'div'));
    return li;
  }));
}

/** The facts a dispatcher wants from an event's data, in words rather than JSON. */
function describe(entry) {
  const d = entry.data ?? {};
  const parts = [];
  if (d.reason) parts.push(`reason ${d.reason}`);
  if (d.outcome) parts.push(`outcome ${d.outcome}`);
  if (d.note) parts.push(`note “${d.note}”`);
  if (d.acknowledgedBy) parts.push(`by ${d.acknowledgedBy}`);
  if (d.resolvedBy) parts.push(`by ${d.resolvedBy}`);
  if (d.dueAt) parts.push(`due ${new Date(d.dueAt).toLocaleTimeString()}`);
  if (d.location) parts.push(`at ${d.location.lat.toFixed(5)}, ${d.location.lon.toFixed(5)}`);
  if (d.round != null) parts.push(`round ${d.round}`);
  if (d.radiusKm != null) parts.push(`radius ${d.radiusKm} km`);
  if (Array.isArray(d.crewMemberIds)) {
    parts.push(d.crewMemberIds.length ? `crew told: ${d.crewMemberIds.join(', ')}` : 'no crew member within reach');
  }
  if (d.duress) parts.push('DURESS');
  return parts.join(' · ');
}

function words(type) {
  return type.replace(/([a-z])([A-Z])/g, '$1 $2');
}

function span(className, text) {
  return item(className, text, 'span');
}

function item(className, text, tag = 'li') {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}
