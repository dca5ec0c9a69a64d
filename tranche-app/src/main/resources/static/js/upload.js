// Uploads a build as the raw request body, with a progress bar; the server seals it while it streams.
(function () {
  var done = sessionStorage.getItem('tranche-upload');
  var notice = document.getElementById('upload-notice');
  if (done && notice) {
    notice.textContent = done;
    notice.hidden = false;
    sessionStorage.removeItem('tranche-upload');
  }
})();
document.querySelectorAll('form.upload').forEach(function (form) {
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var input = form.querySelector('.upload-file');
    var progress = form.querySelector('.upload-progress');
    var status = form.querySelector('.upload-status');
    var button = form.querySelector('.upload-button');
    var file = input.files[0];
    if (!file) {
      status.textContent = 'Choose a file first.';
      return;
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.dataset.url + '?name=' + encodeURIComponent(file.name));
    xhr.setRequestHeader(form.dataset.csrfHeader, form.dataset.csrf);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round((e.loaded / e.total) * 100);
        status.textContent = 'Uploading… ' + progress.value + '%';
      }
    });
    xhr.addEventListener('load', function () {
      if (xhr.status === 201) {
        var artifact = JSON.parse(xhr.responseText);
        sessionStorage.setItem('tranche-upload', 'Sealed ' + artifact.name + ' (' + artifact.plaintextSize
          + ' bytes, upload ' + progress.value + '% shown).');
        status.textContent = 'Sealed.';
        window.location.reload();
      } else {
        var detail = 'Upload refused (' + xhr.status + ')';
        try { detail = JSON.parse(xhr.responseText).detail || detail; } catch (ignored) {}
        status.textContent = detail;
        button.disabled = false;
      }
    });
    xhr.addEventListener('error', function () {
      status.textContent = 'The connection was cut; nothing was kept. Try again.';
      button.disabled = false;
    });
    progress.hidden = false;
    progress.value = 0;
    button.disabled = true;
    status.textContent = 'Uploading…';
    xhr.send(file);
  });
});
