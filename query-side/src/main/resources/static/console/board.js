// The alert board: the state of every active alert (the latest AlertView per alert) and its rendering.
// Cards are kept per alert and updated in place rather than re-drawn, so a keyboard user's focus on a button is not
// lost every time some other alert changes, and the countdowns tick without touching anything else.

const OPEN = new Set(['ARMED', 'ESCALATED', 'ACKNOWLEDGED']);

const alerts = new Map();      // alertId -> AlertView
const locationFixes = new Map(); // alertId -> {key, at}: when the shown location was reported (from the history)
const cards = new Map();       // alertId -> <li>
let clockOffsetMs = 0;         // server clock minus this machine's clock
let handlers = {};
let listElement;
let template;
let onChange = () => {};

export function initBoard(element, cardTemplate, actionHandlers, changed) {
  listElement = element;
  template = cardTemplate;
  handlers = actionHandlers;
  onChange = changed;
  setInterval(tick, 250);
}

/** Countdowns are against the server's clock: a dispatcher PC that is a minute off must not show a minute off. */
export function setServerDate(dateHeader) {
  const serverNow = Date.parse(dateHeader ?? '');
  if (!Number.isNaN(serverNow)) {
    const offset = serverNow - Date.now();
    // The Date header has one-second resolution; only correct clocks that are clearly off.
    clockOffsetMs = Math.abs(offset) > 1500 ? offset : 0;
  }
}

export function now() {
  return Date.now() + clockOffsetMs;
}

/** After (re)connecting: the board is exactly this list; alerts closed while we were away disappear. */
export function replaceAll(views) {
  alerts.clear();
  for (const view of views) {
    if (OPEN.has(view.status)) alerts.set(view.alertId, view);
  }
  render();
}

/** One alert changed (a stream event or the answer to our own POST). Returns the previous view. */
export function upsert(view) {
  const previous = alerts.get(view.alertId);
  if (OPEN.has(view.status)) {
    alerts.set(view.alertId, view);
  } else {
    alerts.delete(view.alertId);
  }
  render();
  return previous;
}

export function get(alertId) {
  return alerts.get(alertId);
}

export function all() {
  return sorted();
}

export function needsHelp(view) {
  return view.status === 'ESCALATED' || (view.overdue && view.status !== 'ARMED');
}

export function setLocationFix(alertId, key, at) {
  locationFixes.set(alertId, {key, at});
  tick();
}

export function locationKey(view) {
  return view.location ? `${view.location.lat},${view.location.lon}` : '';
}

export function locationFix(alertId) {
  return locationFixes.get(alertId);
}

/** Help first: overdue, then escalated (longest waiting first), acknowledged, then timers by due time. */
function rank(view) {
  if (view.overdue && view.status !== 'ARMED') return 0;
  return {ESCALATED: 1, ACKNOWLEDGED: 2, ARMED: 3}[view.status] ?? 4;
}

function sorted() {
  return [...alerts.values()].sort((a, b) => rank(a) - rank(b)
    || (a.status === 'ARMED'
      ? Date.parse(a.dueAt) - Date.parse(b.dueAt)
      : Date.parse(a.escalatedAt ?? a.createdAt) - Date.parse(b.escalatedAt ?? b.createdAt)));
}

function render() {
  const views = sorted();
  for (const [id, card] of cards) {
    if (!alerts.has(id)) {
      card.remove();
      cards.delete(id);
      locationFixes.delete(id);
    }
  }
  views.forEach((view, index) => {
    let card = cards.get(view.alertId);
    if (!card) {
      card = createCard(view.alertId);
      cards.set(view.alertId, card);
    }
    fill(card, view);
    // Only move a card when it is out of place: moving the focused card would drop keyboard focus.
    if (listElement.children[index] !== card) {
      listElement.insertBefore(card, listElement.children[index] ?? null);
    }
  });
  tick();
  onChange(views);
}

function createCard(alertId) {
  const card = template.content.firstElementChild.cloneNode(true);
  card.dataset.alertId = alertId;
  const on = (selector, handler) => card.querySelector(selector)
    .addEventListener('click', () => handler(alerts.get(alertId), card));
  on('.ack', handlers.acknowledge);
  on('.resolve', handlers.resolve);
  on('.history-btn', handlers.history);
  on('.locate', handlers.locate);
  return card;
}

function fill(card, view) {
  card.dataset.status = view.status;
  card.classList.toggle('overdue', Boolean(view.overdue));
  card.classList.toggle('needs-help', needsHelp(view));
  const text = (selector, value) => { card.querySelector(selector).textContent = value ?? ''; };
  text('.status', view.status);
  text('.kind', (view.type === 'EMERGENCY' ? 'Panic button' : 'Safety timer')
    + (view.escalationReason && view.escalationReason !== 'EMERGENCY' ? ` · ${reasonText(view.escalationReason)}` : ''));
  text('.crew', view.crewMemberId);
  text('.note', view.note ? `“${view.note}”` : '');
  text('.where', view.location
    ? `Last location ${view.location.lat.toFixed(5)}, ${view.location.lon.toFixed(5)}`
      + (view.location.accuracyM != null ? ` ±${Math.round(view.location.accuracyM)} m` : '')
    : 'No location');
  text('.ack-by', view.acknowledgedBy ? `Acknowledged by ${view.acknowledgedBy}` : '');
  card.querySelector('.ack').hidden = view.status !== 'ESCALATED';
  card.querySelector('.resolve').hidden = !(view.status === 'ESCALATED' || view.status === 'ACKNOWLEDGED');
  card.querySelector('.locate').hidden = !view.location;
  card.setAttribute('aria-label', `${view.status}${view.overdue ? ' overdue' : ''} alert for ${view.crewMemberId}`);
}

function reasonText(reason) {
  return {TIMER_EXPIRED: 'timer ran out', DURESS: 'DURESS cancel'}[reason] ?? reason;
}

/** Four times a second: countdowns and ages. */
function tick() {
  const current = now();
  for (const [id, card] of cards) {
    const view = alerts.get(id);
    if (!view) continue;
    const countdown = card.querySelector('.countdown');
    if (view.status === 'ARMED' && view.dueAt) {
      const seconds = Math.ceil((Date.parse(view.dueAt) - current) / 1000);
      countdown.dataset.seconds = String(seconds);
      // Past due but not yet escalated by the server: say so rather than counting below zero.
      countdown.textContent = seconds > 0 ? `due in ${duration(seconds)}` : 'DUE now';
      card.classList.toggle('due', seconds <= 0);
    } else {
      const since = Math.floor((current - Date.parse(view.escalatedAt ?? view.createdAt)) / 1000);
      delete countdown.dataset.seconds;
      countdown.textContent = `waiting ${duration(Math.max(0, since))}`;
      card.classList.remove('due');
    }
    const fix = locationFixes.get(id);
    const age = card.querySelector('.age');
    age.textContent = fix && fix.key === locationKey(view)
      ? `reported ${duration(Math.max(0, Math.floor((current - Date.parse(fix.at)) / 1000)))} ago` : '';
  }
}

export function duration(totalSeconds) {
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const two = n => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}
