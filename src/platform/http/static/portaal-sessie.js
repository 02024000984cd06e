// Warns a signed-in resident two minutes before the portal session's idle time-out and lets them extend it
// (WCAG 2.2.1 Timing Adjustable). The server enforces the time-out; this only tells the resident in time.
(function () {
  'use strict';
  var box = document.getElementById('sessie-melding');
  if (!box) return;
  var warning = box.querySelector('.portaal-sessie__waarschuwing');
  var text = box.querySelector('.portaal-sessie__tekst');
  var button = box.querySelector('.portaal-sessie__verlengen');
  var WARN_BEFORE_MS = 2 * 60 * 1000;
  // The page's own clock may differ from the server's: count from the time left at load.
  var endsAt = Date.now() + (Date.parse(box.getAttribute('data-verloopt')) - Date.parse(box.getAttribute('data-nu')));
  var timer;

  function minutesLeft(ms) {
    var seconds = Math.max(0, Math.round(ms / 1000));
    if (seconds >= 60) {
      var minutes = Math.ceil(seconds / 60);
      return minutes + (minutes === 1 ? ' minuut' : ' minuten');
    }
    return seconds + (seconds === 1 ? ' seconde' : ' seconden');
  }

  function expired() {
    text.textContent = 'U bent automatisch uitgelogd omdat u 15 minuten niets heeft gedaan. Wat u nog niet had opgeslagen, is niet bewaard.';
    button.textContent = 'Opnieuw inloggen';
    button.onclick = function () {
      window.location.href = box.getAttribute('data-inloggen') + '?terug=' + encodeURIComponent(window.location.pathname + window.location.search) + '&verlopen=1';
    };
    warning.hidden = false;
  }

  function tick() {
    var left = endsAt - Date.now();
    if (left <= 0) {
      expired();
      return;
    }
    if (left <= WARN_BEFORE_MS) {
      // Announced once (role=alert on un-hiding); later updates change only the text.
      text.textContent = 'U wordt over ' + minutesLeft(left) + ' automatisch uitgelogd. Wilt u ingelogd blijven?';
      warning.hidden = false;
    }
    timer = window.setTimeout(tick, left <= WARN_BEFORE_MS ? 1000 : left - WARN_BEFORE_MS);
  }

  button.addEventListener('click', function () {
    if (endsAt - Date.now() <= 0) return;
    fetch(box.getAttribute('data-verlengen'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRF-Token': box.getAttribute('data-csrf'), Accept: 'application/json' },
    })
      .then(function (response) {
        if (!response.ok) throw new Error('session ended');
        return response.json();
      })
      .then(function (answer) {
        endsAt = Date.now() + (Date.parse(answer.verloopt) - Date.parse(answer.nu));
        warning.hidden = true;
        window.clearTimeout(timer);
        tick();
      })
      .catch(function () {
        endsAt = Date.now();
        window.clearTimeout(timer);
        expired();
      });
  });

  tick();
})();
