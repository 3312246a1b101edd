// Shows how far an upload has got, for forms marked data-upload-progress: a spreadsheet
// of figures on a slow connection takes a while to send and then to check, and a page
// that seems to do nothing makes people click again. Without JavaScript the form posts
// as usual; with it, the same request is sent by XMLHttpRequest (the one browser API that
// reports upload progress) and its answer replaces the page, just as a normal post would.
(function () {
  'use strict';
  if (!window.XMLHttpRequest || !window.FormData) return;
  document.querySelectorAll('form[data-upload-progress]').forEach(function (form) {
    var status = form.querySelector('.upload-progress');
    if (!status) return;
    var bar = status.querySelector('progress');
    var text = status.querySelector('.upload-progress__text');
    var button = form.querySelector('button[type="submit"]');

    function show(message, percent) {
      status.hidden = false;
      text.textContent = message;
      if (percent === null) bar.removeAttribute('value');  // Indeterminate: the server is working.
      else bar.value = percent;
    }

    form.addEventListener('submit', function (event) {
      var file = form.querySelector('input[type="file"]');
      var limit = Number(form.dataset.limit);
      if (file && file.files.length && limit && file.files[0].size > limit) {
        event.preventDefault();
        show(form.dataset.tooLarge, 0);
        return;
      }
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.addEventListener('progress', function (progress) {
        if (!progress.lengthComputable) return;
        var percent = Math.floor((100 * progress.loaded) / progress.total);
        show(form.dataset.sending.replace('{percent}', String(percent)), percent);
      });
      request.upload.addEventListener('load', function () { show(form.dataset.checking, null); });
      request.addEventListener('load', function () {
        // The answer is a whole page (the checked file, or its problems): show it as the
        // browser would have.
        if (request.responseURL && request.responseURL !== window.location.href) {
          window.history.replaceState(null, '', request.responseURL);
        }
        document.open();
        document.write(request.responseText);
        document.close();
      });
      request.addEventListener('error', function () {
        if (button) button.disabled = false;
        show(form.dataset.failed, 0);
      });
      if (button) button.disabled = true;
      show(form.dataset.sending.replace('{percent}', '0'), 0);
      request.send(new FormData(form));
    });
  });
})();
