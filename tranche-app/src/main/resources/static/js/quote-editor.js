// Live totals for the quote editor. Amounts are handled as whole minor units (BigInt), never as
// floating point; the server recomputes and checks everything on save, so this is only a preview.
(function () {
  const form = document.getElementById('quote-editor');
  if (!form) return;

  // the currency's minor units: 2 for EUR, 0 for JPY
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: form.dataset.currency })
      .resolvedOptions().maximumFractionDigits;
  } catch (e) { /* an unknown code: keep 2 */ }
  const unit = 10n ** BigInt(digits);
  function minor(text) {
    const m = String(text || '').trim().match(/^(\d+)(?:\.(\d*))?$/);
    if (!m || (m[2] || '').length > digits) return null;
    return BigInt(m[1]) * unit + (digits === 0 ? 0n : BigInt((m[2] || '').padEnd(digits, '0')));
  }
  function basisPoints(text) {
    const m = String(text || '').trim().match(/^(\d+)(?:\.(\d{0,2}))?$/);
    if (!m) return null;
    return BigInt(m[1]) * 100n + BigInt((m[2] || '').padEnd(2, '0'));
  }
  function format(v) {
    const neg = v < 0n; const a = neg ? -v : v;
    const whole = (neg ? '-' : '') + (a / unit).toString();
    return digits === 0 ? whole : whole + '.' + (a % unit).toString().padStart(digits, '0');
  }
  // Splits total by ratios; leftover minor units go to the earliest parts, as on the server.
  function allocate(total, ratios) {
    const sum = ratios.reduce((a, b) => a + b, 0n);
    if (sum === 0n) return ratios.map(() => 0n);
    const parts = ratios.map(r => (total * r) / sum);
    let rest = total - parts.reduce((a, b) => a + b, 0n);
    for (let i = 0; rest > 0n; i = (i + 1) % parts.length) {
      if (ratios[i] > 0n) { parts[i] += 1n; rest -= 1n; }
    }
    return parts;
  }

  function update() {
    let net = 0n;
    form.querySelectorAll('tr.line').forEach(row => {
      const qtyText = row.querySelector('.qty').value.trim();
      const qty = qtyText === '' ? 1n : (/^\d+$/.test(qtyText) ? BigInt(qtyText) : null);
      const price = minor(row.querySelector('.price').value);
      const cell = row.querySelector('.line-total');
      if (row.querySelector('.price').value.trim() === '') { cell.textContent = ''; return; }
      if (qty === null || price === null) { cell.textContent = '?'; return; }
      cell.textContent = format(qty * price);
      net += qty * price;
    });
    const rate = basisPoints(document.getElementById('taxPercent').value) || 0n;
    const product = net * rate;
    let tax = product / 10000n;
    if ((product % 10000n) * 2n >= 10000n) tax += 1n;
    const gross = net + tax;
    document.getElementById('live-net').textContent = format(net);
    document.getElementById('live-tax').textContent = format(tax);
    document.getElementById('live-gross').textContent = format(gross);

    const rows = Array.from(form.querySelectorAll('tr.part'));
    const percents = rows.map(r => basisPoints(r.querySelector('.percent').value));
    const named = rows.filter(r => r.querySelector('input[name=planNames]').value.trim() !== '');
    let ratios;
    if (percents.some(p => p !== null)) {
      ratios = percents.map(p => p || 0n);
    } else {
      ratios = rows.map(r => named.includes(r) ? 1n : 0n);
    }
    const amounts = allocate(gross, ratios);
    rows.forEach((r, i) => {
      r.querySelector('.part-amount').textContent = ratios[i] > 0n ? format(amounts[i]) : '';
    });
  }

  form.addEventListener('input', update);
  update();
})();
