// The map of active alerts: Leaflet from the server's own /webjars path. Tiles come from lineguard.console.tile-url
// when one is configured (an internal tile server in a control room); without it the markers stand on a plain
// background, which still shows where help is needed relative to other alerts.
// Markers are vector circles, not image icons, so they need no image files and take the alert's status colour.

const COLOURS = {ESCALATED: '#ff2d2d', ACKNOWLEDGED: '#ffb000', ARMED: '#4da3ff'};

let map = null;
let layer = null;
let outageLayer = null;
const markers = new Map();
let fitted = false;

export function initMap(element, config) {
  if (!window.L) {
    element.textContent = 'The map library did not load.';
    return;
  }
  map = L.map(element, {zoomControl: true, attributionControl: Boolean(config.tileUrl)}).setView([52.1, 4.3], 9);
  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, {maxZoom: 19, attribution: config.tileAttribution || ''}).addTo(map);
  }
  // Without tiles there is no other sense of distance on the plain background.
  L.control.scale({metric: true, imperial: false}).addTo(map);
  layer = L.layerGroup().addTo(map);
  outageLayer = L.layerGroup().addTo(map);
}

/** Draws the board's alerts; the first time there are any, zooms to show them all. */
export function showAlerts(alerts) {
  if (!map) {
    return;
  }
  const seen = new Set();
  for (const alert of alerts) {
    if (!alert.location) continue;
    seen.add(alert.alertId);
    const position = [alert.location.lat, alert.location.lon];
    const needsHelp = alert.status === 'ESCALATED' || alert.overdue;
    const style = {
      radius: needsHelp ? 13 : 9,
      color: '#ffffff',
      weight: needsHelp ? 3 : 2,
      fillColor: COLOURS[alert.status] || '#cccccc',
      fillOpacity: 0.95,
    };
    let marker = markers.get(alert.alertId);
    if (!marker) {
      marker = L.circleMarker(position, style).addTo(layer);
      markers.set(alert.alertId, marker);
      // A new alert outside the visible area must not go unseen: widen the view to show every alert.
      if (fitted && !map.getBounds().contains(position)) fitAll();
    } else {
      marker.setLatLng(position).setStyle(style).setRadius(style.radius);
    }
    const popup = document.createElement('div');
    popup.textContent = `${alert.status}: ${alert.crewMemberId}${alert.note ? ' — ' + alert.note : ''}`;
    marker.bindPopup(popup);
    marker.bindTooltip(`${alert.crewMemberId} (${alert.status})`);
    if (needsHelp) marker.bringToFront();
  }
  for (const [id, marker] of markers) {
    if (!seen.has(id)) {
      layer.removeLayer(marker);
      markers.delete(id);
    }
  }
  if (!fitted && markers.size > 0) {
    fitted = true;
    fitAll();
  }
}

export function fitAll() {
  if (!map || markers.size === 0) return;
  const bounds = L.latLngBounds([...markers.values()].map(m => m.getLatLng()));
  map.fitBounds(bounds.pad(0.3), {maxZoom: 13});
}

export function focusAlert(alertId) {
  const marker = markers.get(alertId);
  if (marker) {
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), 13));
    marker.openPopup();
  }
}

/** Outages, once that part of the API exists: grey squares would be confusable, so they are hollow circles. */
export function showOutages(outages) {
  if (!map) return;
  outageLayer.clearLayers();
  for (const outage of outages) {
    if (!outage.location) continue;
    L.circleMarker([outage.location.lat, outage.location.lon],
      {radius: 10, color: '#c9a0ff', weight: 4, fill: false})
      .bindTooltip(`Outage ${outage.deviceId ?? ''} (${outage.status})`)
      .addTo(outageLayer);
  }
}
