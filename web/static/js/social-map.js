// The social map's interactive map: progressive enhancement over the list of results,
// which stays the way to read them (and the only one without JavaScript). Draws every
// match of the search on tiles from the configured server, clustered where they crowd.
// A service page gives its own places inline (data-inline) instead of a URL to fetch.
(function () {
  'use strict';
  var element = document.getElementById('results-map');
  if (!element || typeof L === 'undefined' || !window.fetch) return;
  var points = element.dataset.inline
    ? Promise.resolve(JSON.parse(element.dataset.inline))
    : fetch(element.dataset.points, { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); });
  points
    .then(function (answer) {
      if (!answer.points.length) return;
      element.hidden = false;
      var map = L.map(element, { scrollWheelZoom: false });
      L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: answer.attribution }).addTo(map);
      var cluster = L.markerClusterGroup();
      var bounds = [];
      answer.points.forEach(function (point) {
        var marker = L.marker([point.lat, point.lon], { title: point.name, alt: point.name, keyboard: true });
        var popup = document.createElement('div');
        var link = document.createElement('a');
        link.href = point.href;
        link.textContent = point.name;
        var where = document.createElement('p');
        where.textContent = point.where;
        popup.appendChild(link);
        popup.appendChild(where);
        marker.bindPopup(popup);
        cluster.addLayer(marker);
        bounds.push([point.lat, point.lon]);
      });
      map.addLayer(cluster);
      map.fitBounds(bounds, { padding: [20, 20], maxZoom: 15 });
      element.dataset.ready = String(answer.points.length);
    })
    .catch(function () { element.hidden = true; });
})();
