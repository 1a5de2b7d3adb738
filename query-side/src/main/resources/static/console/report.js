// The alarm-handling report (GET /audit/alarm-report, roles auditor and admin): how fast escalated alarms were
// acknowledged in a period, against the BS 8484 targets, and how they ended.

import {call} from './api.js';
import {element, showProblem, table} from './dom.js';

const DAY_MS = 24 * 3600 * 1000;

/** Shows the last 7 days at once (in the browser's local time, as datetime-local inputs are); the form picks others. */
export function initReport(elements) {
  const now = new Date();
  elements.to.value = localInputValue(new Date(now.getTime() + 60_000)); // include what happened this minute
  elements.from.value = localInputValue(new Date(now.getTime() - 7 * DAY_MS));
  elements.form.addEventListener('submit', event => {
    event.preventDefault();
    showReport(elements);
  });
  showReport(elements);
}

export async function showReport({from, to, body, submit}) {
  submit.disabled = true;
  body.dataset.state = 'loading';
  try {
    const query = new URLSearchParams({from: new Date(from.value).toISOString(), to: new Date(to.value).toISOString()});
    render(body, (await call('GET', `/audit/alarm-report?${query}`)).body);
  } catch (e) {
    showProblem(body, e, 'the alarm-handling report');
  } finally {
    submit.disabled = false;
  }
}

function render(body, report) {
  body.dataset.state = 'ok';
  const ack = report.timeToAcknowledge;
  const rows = [
    ['Alarms', String(report.alarms), Object.entries(report.byType).map(([type, n]) => `${type} ${n}`).join(', ')],
    ['Outcomes', '', Object.entries(report.byOutcome).map(([outcome, n]) => `${outcome} ${n}`).join(', ') || '—'],
    ['False alarms', String(report.falseAlarms), `verified (assisted): ${report.verifiedAlarms}`],
    ['Time to acknowledge', `${ack.acknowledged} acknowledged`,
      `median ${seconds(ack.p50Seconds)}, 90 % ${seconds(ack.p90Seconds)}, 99 % ${seconds(ack.p99Seconds)}`],
    share('Acknowledged within 10 s', report.acknowledgedWithin10s),
    share('Acknowledged within 40 s', report.acknowledgedWithin40s),
  ];
  body.replaceChildren(
    element('p', `${new Date(report.from).toLocaleString()} – ${new Date(report.to).toLocaleString()}`, 'hint'),
    table(['', 'Value', 'Details'], rows.map(cells => ({cells})), row => ({figure: row.cells[0]})));
}

function share(label, s) {
  // "met" is written out: colour alone would not reach everyone.
  return [label, `${s.percent.toFixed(1)} %`, `target ${s.targetPercent} %: ${s.met ? 'met' : 'NOT MET'}`];
}

function seconds(value) {
  return value == null ? '—' : `${value.toFixed(1)} s`;
}

function localInputValue(date) {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
