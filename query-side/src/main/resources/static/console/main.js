// Wiring: sign-in, the live connection (snapshot + stream, reconnecting forever), and the buttons.

import {ApiError, call, consoleConfig, currentSession, devSignIn, sessionSignIn, sessionSignOut} from './api.js';
import {readEventStream} from './stream.js';
import * as board from './board.js';
import {focusAlert, initMap, showAlerts, showCrews, showOutages} from './map.js';
import {alarm, setSoundEnabled, soundEnabled} from './sound.js';
import {closeHistory, fetchHistory, historyShowing, lastLocationFix, refreshHistory, showHistory} from './panels.js';
import {refreshHandover, refreshOutages} from './outages.js';
import {initReport} from './report.js';

const $ = id => document.getElementById(id);
const STREAM_SILENCE_MS = 40_000; // the server sends a heartbeat every 15 s; silence this long means a dead link
const MAX_BACKOFF_MS = 10_000;
const SIDE_PANELS_EVERY_MS = 10_000; // outages and crew positions are not on the stream

const historyElements = {panel: $('history'), list: $('history-list'), subject: $('history-subject'), close: $('history-close')};
let config = {};
let lastEventId = null;
let stopped = false;
let reconnects = 0;   // shown as data-reconnects: how often the stream came back
let everLive = false;

// ---- Sign-in --------------------------------------------------------------------------------------------------

async function start() {
  try {
    config = await consoleConfig();
  } catch (e) {
    $('signin-error').textContent = `The server did not answer: ${e.message}`;
    return;
  }
  if (config.singleSignOn) {
    // The server sent this browser through the identity provider before serving this page; the session says who.
    try {
      if (await sessionSignIn()) {
        enterConsole();
      } else {
        $('sso-signin').hidden = false; // the session ended meanwhile
      }
    } catch (e) {
      $('signin-error').textContent = `The server did not answer: ${e.message}`;
    }
    return;
  }
  $('dev-signin').hidden = !config.devSignIn;
  $('no-signin').hidden = config.devSignIn;
  $('signin').addEventListener('submit', async event => {
    event.preventDefault();
    const sub = $('signin-user').value.trim();
    const roles = [...document.querySelectorAll('input[name=role]:checked')].map(box => box.value);
    $('signin-submit').disabled = true;
    try {
      await devSignIn(sub, roles);
      enterConsole();
    } catch (e) {
      $('signin-error').textContent = `Sign-in failed: ${e.message}`;
    } finally {
      $('signin-submit').disabled = false;
    }
  });
  $('signin-user').focus();
}

function enterConsole() {
  const session = currentSession();
  $('signin-view').hidden = true;
  $('console-view').hidden = false;
  $('who').hidden = false;
  $('who').textContent = `${session.sub} (${session.roles.join(', ') || 'no role'})`;
  $('sign-out').hidden = false;
  $('sound').hidden = false;
  initMap($('map'), config);
  board.initBoard($('board'), $('alert-card'), {acknowledge, resolve: openResolve, history: openHistory, locate},
    boardChanged);
  // The roles shown here only choose which views to offer; the API checks them on every call.
  if (session.roles.includes('auditor') || session.roles.includes('admin')) {
    $('report').hidden = false;
    initReport({form: $('report-form'), from: $('report-from'), to: $('report-to'), body: $('report-body'),
      submit: $('report-submit')});
  }
  refreshSidePanels();
  setInterval(refreshSidePanels, SIDE_PANELS_EVERY_MS);
  setInterval(() => board.all().some(board.needsHelp) && alarm(), 5_000); // keep ringing until someone acts
  connect();
}

// Development sign-in: signing out forgets the token by forgetting the page. Single sign-on: the server ends its
// session (and, where the identity provider supports it, the provider's too).
$('sign-out').addEventListener('click', () => config.singleSignOn ? sessionSignOut() : location.reload());

$('sound').addEventListener('click', () => {
  setSoundEnabled(!soundEnabled());
  $('sound').setAttribute('aria-pressed', String(soundEnabled()));
  $('sound').textContent = soundEnabled() ? 'Sound on' : 'Sound off';
  alarm(); // let the dispatcher hear what the alarm sounds like
});

// ---- Live connection ------------------------------------------------------------------------------------------
// Each round: fetch the whole board (GET /alerts?status=ACTIVE, which also names the stream position it contains),
// then follow the stream from that position with Last-Event-ID. Whatever changed while the link was down is in the
// snapshot or replayed by the stream, so a reconnect loses no alert. Rounds repeat until the page is closed.

async function connect() {
  let failures = 0;
  while (!stopped) {
    setConnection(everLive ? 'reconnecting' : 'connecting');
    const abort = new AbortController();
    let silence = null;
    const alive = () => {
      clearTimeout(silence);
      silence = setTimeout(() => abort.abort(), STREAM_SILENCE_MS);
    };
    try {
      const snapshot = await call('GET', '/alerts?status=ACTIVE');
      board.setServerDate(snapshot.headers.get('Date'));
      board.replaceAll(snapshot.body);
      const position = Number(snapshot.headers.get('X-Stream-Position'));
      if (Number.isFinite(position) && snapshot.headers.has('X-Stream-Position')) {
        lastEventId = Math.max(lastEventId ?? 0, position);
      }
      $('board-error').textContent = '';
      alive();
      await readEventStream('/api/v1/stream/dispatch', {
        lastEventId,
        signal: abort.signal,
        onComment: comment => {
          alive();
          if (comment === 'connected') {
            if (everLive) reconnects++;
            everLive = true;
            failures = 0;
            setConnection('live');
          }
        },
        onEvent: event => {
          alive();
          if (event.id != null) lastEventId = Number(event.id);
          if (event.event === 'alert') alertChanged(JSON.parse(event.data));
        },
      });
      // The server ended the stream (a restart, a deploy, an admin): reconnect at once.
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        stopped = true;
        setConnection('offline', 'Signed out: the session ended. Reload to sign in again.');
        return;
      }
      if (e instanceof ApiError && e.status === 403) {
        stopped = true;
        setConnection('offline', 'Not allowed');
        $('board-error').textContent = 'Your role does not include the dispatch board (role dispatcher).';
        return;
      }
      failures++;
    } finally {
      clearTimeout(silence);
      abort.abort();
    }
    setConnection('reconnecting');
    // Back off on repeated failures, but never wait long: a dispatcher without a board is blind.
    await sleep(failures === 0 ? 500 : Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - 1)));
  }
}

function setConnection(state, text) {
  const conn = $('conn');
  conn.dataset.state = state;
  conn.dataset.reconnects = String(reconnects);
  conn.textContent = text ?? {live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…',
    offline: 'Not connected'}[state];
}

function alertChanged(view) {
  const previous = board.upsert(view);
  if (board.needsHelp(view) && (!previous || !board.needsHelp(previous) || (view.overdue && !previous.overdue))) {
    alarm();
  }
  if (historyShowing() === view.alertId) {
    refreshHistory(historyElements);
  }
}

// Called after every change of the board.
function boardChanged(views) {
  $('board-count').textContent = views.length ? `(${views.length})` : '';
  $('board-empty').hidden = views.length > 0;
  showAlerts(views);
  const urgent = views.filter(board.needsHelp).length;
  document.title = urgent ? `(${urgent}) HELP NEEDED · Lineguard dispatch` : 'Lineguard dispatch';
  for (const view of views) {
    const fix = board.locationFix(view.alertId);
    if (view.location && (!fix || fix.key !== board.locationKey(view)) && !pendingFixes.has(view.alertId)) {
      lookUpLocationFix(view);
    }
  }
}

// The AlertView does not say when its location was reported; the alert's history does. Looked up once per alert and
// again only when its location changes.
const pendingFixes = new Set();

async function lookUpLocationFix(view) {
  pendingFixes.add(view.alertId);
  const key = board.locationKey(view);
  try {
    const fix = lastLocationFix(await fetchHistory(view.alertId));
    board.setLocationFix(view.alertId, key, fix ? fix.at : view.escalatedAt ?? view.createdAt);
  } catch {
    // no history access (role) or a blip: the card simply shows no age
    board.setLocationFix(view.alertId, '', null);
  } finally {
    pendingFixes.delete(view.alertId);
  }
}

async function refreshSidePanels() {
  const outages = await refreshOutages($('outages-body'), $('outages-count'));
  showOutages(outages);
  await refreshHandover($('handover-body'), outages);
  try {
    showCrews((await call('GET', '/crews/locations')).body, board.now());
  } catch {
    // not a dispatcher, or a blip: the map simply shows no crews until the next round
  }
}

// ---- Actions --------------------------------------------------------------------------------------------------

async function acknowledge(view, card) {
  await act(card, card.querySelector('.ack'),
    () => call('POST', `/alerts/${view.alertId}/acknowledge`, {}));
}

let resolving = null;

function openResolve(view) {
  resolving = view;
  $('resolve-subject').textContent = `${view.crewMemberId}${view.note ? ' — ' + view.note : ''}`;
  $('resolve-note').value = '';
  $('resolve-error').textContent = '';
  $('resolve-dialog').showModal();
  $('resolve-outcome').focus();
}

$('resolve-form').addEventListener('submit', async event => {
  if (event.submitter?.value !== 'resolve' || !resolving) {
    return; // Cancel: the dialog closes by itself
  }
  event.preventDefault();
  const button = $('resolve-confirm');
  button.disabled = true;
  try {
    const note = $('resolve-note').value.trim();
    const answer = await call('POST', `/alerts/${resolving.alertId}/resolve`,
      {outcome: $('resolve-outcome').value, ...(note ? {note} : {})});
    board.upsert(answer.body);
    refreshOpenHistory(resolving.alertId);
    $('resolve-dialog').close();
    resolving = null;
  } catch (e) {
    $('resolve-error').textContent = `Could not resolve: ${e.message}`;
  } finally {
    button.disabled = false;
  }
});

async function act(card, button, request) {
  const error = card.querySelector('.card-error');
  error.textContent = '';
  button.disabled = true;
  try {
    const answer = await request();
    board.upsert(answer.body); // the answer is the new view: no need to wait for the stream
    refreshOpenHistory(answer.body.alertId);
  } catch (e) {
    error.textContent = e.message;
  } finally {
    button.disabled = false;
  }
}

function refreshOpenHistory(alertId) {
  if (historyShowing() === alertId) refreshHistory(historyElements);
}

function openHistory(view) {
  showHistory(view, historyElements);
}

$('history-close').addEventListener('click', () => closeHistory(historyElements));
document.addEventListener('keydown', event => {
  if (event.key === 'Escape' && !historyElements.panel.hidden && !$('resolve-dialog').open) {
    closeHistory(historyElements);
  }
});

function locate(view) {
  focusAlert(view.alertId);
  $('map').scrollIntoView({block: 'nearest'});
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms));
}

start();
