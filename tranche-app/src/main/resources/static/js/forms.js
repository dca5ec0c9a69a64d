// Forms that help: after a refused submit, the first field at fault is scrolled to and focused
// (the error summary when no field is marked); a form with data-confirm asks before it is sent.
document.addEventListener('DOMContentLoaded', () => {
  const first = document.querySelector('[aria-invalid="true"]');
  const summary = document.querySelector('.error-summary');
  if (first) {
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  } else if (summary) {
    summary.focus();
  }
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
});
