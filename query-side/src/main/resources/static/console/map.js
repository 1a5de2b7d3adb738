// The map of active alerts, open outages and crews: Leaflet from the server's own /webjars path. Tiles come from lineguard.console.tile-url
// when one is configured (an internal tile server in a control room); without it the markers stand on a plain
// background, which still shows where help is needed relative to other alerts.
// Markers are vector shapes, not image icons, so they need no image files: alerts are filled circles in their status
// colour, outages hollow purple rings, crews small green dots; the legend says so in words.

const COLOURS = {ESCALATED: '#ff2d2d', ACKNOWLEDGED: '#ffb000', ARMED: '#4da3ff'};
const OUTAGE_STYLE = {pane: 'outages', radius: 11, color: '#c9a0ff', weight: 4, fill: false};
const CREW_STYLE = {pane: 'crews', radius: 6, color: '#0e1116', weight: 2, fillColor: '#3ddc84', fillOpacity: 1};

let map = null;
let layer = null;
let outageLayer = null;
let crewLayer = null;
const markers = new Map();
// Each kind zooms the map to show everything once, when it first has markers: the data arrive in separate calls.
const fittedKinds = new Set();

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
  // Alerts above crews above outages, however often the lower ones are redrawn.
  map.createPane('outages').style.zIndex = 410;
  map.createPane('crews').style.zIndex = 420;
  map.createPane('alerts').style.zIndex = 430;
  outageLayer = L.layerGroup().addTo(map);
  crewLayer = L.layerGroup().addTo(map);
  layer = L.layerGroup().addTo(map);
  legend().addTo(map);
}

function legend() {
  const control = L.control({position: 'bottomright'});
  control.onAdd = () => {
    const box = L.DomUtil.create('div', 'map-legend');
    for (const [className, label] of [['escalated', 'help needed'], ['acknowledged', 'acknowledged'],
      ['armed', 'timer armed'], ['outage', 'outage'], ['crew', 'crew (last report)']]) {
      const row = L.DomUtil.create('div', '', box);
      L.DomUtil.create('span', `swatch ${className}`, row);
      row.append(label);
    }
    return box;
  };
  return control;
}

function fitOnce(kind, group) {
  if (!fittedKinds.has(kind) && group.getLayers().length > 0) {
    fittedKinds.add(kind);
    fitAll();
  }
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
      pane: 'alerts',
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
      // A new alert outside the visible area must not go unseen: widen the view to show everything.
      if (fittedKinds.has('alerts') && !map.getBounds().contains(position)) fitAll();
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
  fitOnce('alerts', layer);
}

export function fitAll() {
  if (!map) return;
  const points = [layer, outageLayer, crewLayer].flatMap(group => group.getLayers().map(m => m.getLatLng()));
  if (points.length === 0) return;
  // Not animated: Leaflet drops a view change asked for while a zoom animation runs, and alerts, outages and crews
  // arrive close together.
  map.fitBounds(L.latLngBounds(points).pad(0.2), {maxZoom: 13, animate: false});
}

export function focusAlert(alertId) {
  const marker = markers.get(alertId);
  if (marker) {
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), 13));
    marker.openPopup();
  }
}

/** Open outages as hollow rings, so that an alert at the same place still shows through. */
export function showOutages(outages) {
  if (!map) return;
  outageLayer.clearLayers();
  for (const outage of outages) {
    if (!outage.location) continue;
    L.circleMarker([outage.location.lat, outage.location.lon], OUTAGE_STYLE)
      .bindTooltip(`Outage ${outage.deviceId} (${outage.status}, ${outage.customersAffected} customers)`)
      .addTo(outageLayer);
  }
  fitOnce('outages', outageLayer);
}

/** Crews where their phones last reported them; the tooltip says how old that report is. */
export function showCrews(crews, now) {
  if (!map) return;
  crewLayer.clearLayers();
  for (const crew of crews) {
    const minutes = Math.max(0, Math.round((now - Date.parse(crew.recordedAt)) / 60_000));
    L.circleMarker([crew.location.lat, crew.location.lon], CREW_STYLE)
      .bindTooltip(`Crew ${crew.crewId} · reported ${minutes} min ago`)
      .addTo(crewLayer);
  }
  fitOnce('crews', crewLayer);
}
