// Server-sent events over fetch(). EventSource cannot send an Authorization header, and a token in the URL would end
// up in access logs; fetch() can send both the bearer token (development sign-in) and Last-Event-ID. The parser
// follows the SSE format (the HTML standard, "event stream interpretation") as far as this server uses it: event, id,
// data (possibly several lines) and comments.

import {ApiError, authHeaders, errorOf} from './api.js';

/**
 * Reads the stream until the server ends it (resolves) or it fails (rejects). Calls onEvent({id, event, data}) per
 * event and onComment(text) per comment line; the server sends ": connected" once the subscription is in place.
 */
export async function readEventStream(url, {lastEventId, signal, onEvent, onComment}) {
  const headers = {Accept: 'text/event-stream', ...authHeaders()};
  if (lastEventId != null) {
    headers['Last-Event-ID'] = String(lastEventId);
  }
  const response = await fetch(url, {headers, signal, cache: 'no-store'});
  if (!response.ok) {
    throw await errorOf(response);
  }
  if (!response.body) {
    throw new ApiError(0, null, 'This browser cannot read a streamed response.');
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let event = newEvent();
  for (;;) {
    const {value, done} = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      let line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 1);
      if (line.endsWith('\r')) {
        line = line.slice(0, -1);
      }
      if (line === '') {
        // A blank line dispatches the event collected so far.
        if (event.data.length > 0) {
          onEvent({id: event.id, event: event.name, data: event.data.join('\n')});
        }
        event = newEvent();
      } else if (line.startsWith(':')) {
        onComment?.(line.slice(1).trim());
      } else {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let fieldValue = colon < 0 ? '' : line.slice(colon + 1);
        if (fieldValue.startsWith(' ')) {
          fieldValue = fieldValue.slice(1);
        }
        if (field === 'data') event.data.push(fieldValue);
        else if (field === 'event') event.name = fieldValue;
        else if (field === 'id') event.id = fieldValue;
      }
    }
  }
}

function newEvent() {
  return {id: null, name: 'message', data: []};
}
