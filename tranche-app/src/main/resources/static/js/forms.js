// Forms that help: after a refused submit, the first field at fault is scrolled to and focused
// (the error summary when no field is marked); a form with data-confirm asks before it is sent;
// a table that scrolls sideways on a phone can be reached by keyboard.
document.addEventListener('DOMContentLoaded', () => {
  const first = document.querySelector('[aria-invalid="true"]');
  const summary = document.querySelector('.error-summary');
  if (first) {
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  } else if (summary) {
    summary.focus();
  }
  // a new project offers the chosen client's people only (the server refuses anyone else's)
  const client = document.getElementById('clientId');
  const groups = document.querySelectorAll('.client-contacts[data-client]');
  if (client && groups.length) {
    const show = () => groups.forEach((group) => {
      const shown = client.value !== '' && group.dataset.client === client.value;
      group.hidden = !shown;
      if (!shown) group.querySelectorAll('input[type=checkbox]').forEach((box) => { box.checked = false; });
    });
    client.addEventListener('change', show);
    show();
  }
  // a table wider than a phone scrolls sideways: keyboard users can reach it to scroll it
  document.querySelectorAll('table.list').forEach((table) => {
    if (table.scrollWidth > table.clientWidth && !table.hasAttribute('tabindex')) {
      table.setAttribute('tabindex', '0');
      if (!table.querySelector('caption') && !table.hasAttribute('aria-label')) {
        table.setAttribute('aria-label', 'Table, scrolls sideways');
      }
    }
  });
  document.querySelectorAll('form[data-confirm]').forEach((form) => {
    form.addEventListener('submit', (event) => {
      // "{amount}" in the question is the amount as typed, with the currency the page names
      const amount = form.querySelector('input[name="amount"]');
      const currency = form.dataset.currency ? ' ' + form.dataset.currency : '';
      const question = form.dataset.confirm.replace(
        '{amount}', amount && amount.value.trim() ? amount.value.trim() + currency : 'this amount');
      if (!window.confirm(question)) {
        event.preventDefault();
      }
    });
  });
});
