// Open outages and the shift handover. Outages change far less often than alerts and are not on the dispatch stream,
// so the console polls: GET /outages?status=OPEN (also drawn on the map) and GET /handover.

import {call} from './api.js';
import {dateTime, showProblem, table} from './dom.js';

/** Shows the open outages in the panel; returns them (for the map and the handover), or [] when they cannot be read. */
export async function refreshOutages(body, count) {
  let outages;
  try {
    outages = (await call('GET', '/outages?status=OPEN')).body;
  } catch (e) {
    showProblem(body, e, 'the outage list');
    count.textContent = '';
    return [];
  }
  body.dataset.state = 'ok';
  count.textContent = outages.length ? `(${outages.length})` : '';
  if (outages.length === 0) {
    body.textContent = 'No open outages.';
    return outages;
  }
  // Most customers without power first: that is where a dispatcher's attention goes.
  const sorted = [...outages].sort((a, b) => b.customersAffected - a.customersAffected);
  body.replaceChildren(table(['Device', 'Status', 'Customers', 'Cause', 'Crew', 'Restoration'],
    sorted.map(o => ({
      outageId: o.outageId,
      cells: [o.deviceId, o.status, String(o.customersAffected), o.cause ?? '—', o.assignedCrewId ?? 'unassigned',
        restoration(o.estimatedRestorationAt, o.etrSource)],
    })),
    row => ({outageId: row.outageId})));
  return outages;
}

/** The handover: every unclosed outage with its latest notes. The device comes from the outage list, if it has it. */
export async function refreshHandover(body, outages) {
  let handover;
  try {
    handover = (await call('GET', '/handover')).body;
  } catch (e) {
    showProblem(body, e, 'the shift handover');
    return;
  }
  body.dataset.state = 'ok';
  if (handover.length === 0) {
    body.textContent = 'No open outages: nothing to hand over.';
    return;
  }
  const devices = new Map(outages.map(o => [o.outageId, o.deviceId]));
  body.replaceChildren(table(['Outage', 'Status', 'Crew', 'Restoration', 'Latest notes'],
    handover.map(entry => ({
      outageId: entry.outageId,
      cells: [devices.get(entry.outageId) ?? entry.outageId.slice(0, 8), entry.status, entry.assignedCrewId ?? 'unassigned',
        dateTime(entry.estimatedRestorationAt),
        (entry.latestNotes ?? []).map(n => `${n.author} (${dateTime(n.at)}): ${n.text}`).join('\n') || '—'],
    })),
    row => ({outageId: row.outageId})));
}

function restoration(at, source) {
  return at ? `${dateTime(at)}${source ? ` (${source.toLowerCase()})` : ''}` : '—';
}
