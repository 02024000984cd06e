/*
 * Import status page: follows a running kennisbank import without reloading. Polls the JSON status, moves the
 * <progress> bar and its text, and tells screen readers politely (an aria-live region) at each tenth and at the end,
 * not at every poll. Without this script the page's "Vernieuwen" link does the same by hand.
 */
(function () {
  'use strict';
  var POLL_MS = 1500;

  function start() {
    var root = document.querySelector('[data-import-status]');
    if (!root) return;
    var url = root.getAttribute('data-import-status');
    var bar = document.getElementById('import-voortgang');
    var text = document.getElementById('import-voortgang-tekst');
    var live = document.getElementById('import-melding');
    var refresh = document.getElementById('import-vernieuwen');
    var lastAnnounced = '';

    function announce(message) {
      if (message === lastAnnounced) return;
      lastAnnounced = message;
      live.textContent = message;
    }

    function milestone(status) {
      if (status.totaal === 0) return status.fase;
      return status.fase + ':' + Math.floor((status.verwerkt / status.totaal) * 10);
    }

    var lastMilestone = '';
    function show(status) {
      if (status.totaal > 0) {
        bar.max = status.totaal;
        bar.value = status.verwerkt;
      }
      bar.textContent = status.tekst;
      text.textContent = status.tekst;
      if (status.status !== 'bezig') {
        announce(status.status === 'voltooid' ? status.tekst : 'De import is mislukt: ' + status.tekst + ' Open het resultaat voor de problemen.');
        refresh.textContent = 'Resultaat bekijken';
        return false;
      }
      var now = milestone(status);
      if (now !== lastMilestone) {
        lastMilestone = now;
        announce(status.tekst);
      }
      return true;
    }

    function poll() {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
        .then(function (response) {
          if (!response.ok) throw new Error('status ' + response.status);
          return response.json();
        })
        .then(function (status) {
          if (show(status)) window.setTimeout(poll, POLL_MS);
        })
        .catch(function () {
          // The link still works; try again a little later (a restart or a dropped connection).
          window.setTimeout(poll, POLL_MS * 4);
        });
    }

    lastMilestone = '';
    window.setTimeout(poll, POLL_MS);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
