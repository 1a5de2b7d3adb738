// Building DOM from data with textContent only: notes and ids come from users and must never become markup.

export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text != null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A table of plain-text cells; rowData(row) may name a data-* attribute per row (e.g. {outageId}). */
export function table(headings, rows, rowData = () => ({})) {
  const head = element('thead');
  head.append(element('tr'));
  head.firstChild.append(...headings.map(heading => element('th', heading)));
  const body = element('tbody');
  for (const row of rows) {
    const tr = element('tr');
    Object.assign(tr.dataset, rowData(row));
    tr.append(...row.cells.map(cell => element('td', cell ?? '')));
    body.append(tr);
  }
  const result = element('table');
  result.append(head, body);
  return result;
}

/** A panel's content and state (data-state: loading | ok | forbidden | error), with a readable 403. */
export function showProblem(body, error, what) {
  body.dataset.state = error.status === 403 ? 'forbidden' : 'error';
  body.textContent = error.status === 403 ? `Your role does not include ${what}.` : `Could not load ${what}: ${error.message}`;
}

/** Minutes are precise enough for restoration times and notes; seconds only make the tables wider. */
export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString([], {dateStyle: 'short', timeStyle: 'short'}) : '—';
}
