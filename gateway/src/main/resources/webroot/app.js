// Offpeak live order book: plain JS, no libraries. Follows docs/api.md: subscribe, apply the book
// snapshot then updates (prevSeq must equal the last seq), verify the CRC32 checksum of the top
// 10 levels per side after each, and resubscribe for a fresh snapshot on any gap or mismatch.
'use strict';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(text) {
  let crc = 0xFFFFFFFF;
  for (let i = 0; i < text.length; i++) crc = CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xFF] ^ (crc >>> 8);
  return (crc ^ 0xFFFFFFFF) >>> 0;
}

const state = {
  socket: null, nextId: 1, instrument: null, instruments: [],
  book: null, trades: [], candles: [], resyncs: 0, verified: 0,
};

// A book side keyed by the price string as sent (canonical), sorted best first when read.
function newBook() { return { seq: -1, bids: new Map(), asks: new Map() }; }

function sorted(side, descending) {
  return [...side.entries()].sort((a, b) => descending ? Number(b[0]) - Number(a[0]) : Number(a[0]) - Number(b[0]));
}

function checksumInput(book) {
  const parts = [];
  for (const [price, level] of sorted(book.bids, true).slice(0, 10)) parts.push(price + ':' + level[0]);
  for (const [price, level] of sorted(book.asks, false).slice(0, 10)) parts.push(price + ':' + level[0]);
  return parts.join(':');
}

function applyLevels(side, levels) {
  for (const [price, gpus, orders] of levels) {
    if (gpus === 0) side.delete(price); else side.set(price, [gpus, orders]);
  }
}

function send(request) {
  if (state.socket && state.socket.readyState === WebSocket.OPEN) {
    state.socket.send(JSON.stringify(Object.assign({ id: state.nextId++ }, request)));
  }
}

function subscribeAll(op) {
  const instrument = state.instrument;
  for (const channel of ['book', 'trades', 'ticker', 'utilisation', 'auction']) send({ op, channel, instrument });
  send({ op, channel: 'candles', interval: '1m', instrument });
}

function resync(reason) {
  state.resyncs++;
  setStatus('resyncing book: ' + reason, 'bad');
  state.book = newBook();
  send({ op: 'subscribe', channel: 'book', instrument: state.instrument });
}

function onBook(message) {
  if (message.type === 'snapshot') {
    state.book = newBook();
  } else if (!state.book || message.prevSeq !== state.book.seq) {
    resync('gap: expected prevSeq ' + (state.book ? state.book.seq : '?') + ', got ' + message.prevSeq);
    return;
  }
  applyLevels(state.book.bids, message.bids);
  applyLevels(state.book.asks, message.asks);
  state.book.seq = message.seq;
  if (crc32(checksumInput(state.book)) !== message.checksum) {
    resync('checksum mismatch at seq ' + message.seq);
    return;
  }
  state.verified++;
  setStatus('live · book seq ' + message.seq + ' · ' + state.verified + ' checksums ok · ' + state.resyncs + ' resyncs', 'ok');
  renderLadder();
  renderDepth();
}

function onMessage(event) {
  const message = JSON.parse(event.data);
  if (message.instrument && message.instrument !== state.instrument) return;
  switch (message.channel) {
    case 'book': onBook(message); break;
    case 'trades':
      if (message.type === 'snapshot') state.trades = [];
      state.trades = message.trades.slice().reverse().concat(state.trades).slice(0, 60);
      renderTape();
      break;
    case 'candles': {
      const byStart = new Map(message.type === 'snapshot' ? [] : state.candles.map(c => [c.start, c]));
      for (const candle of message.candles) byStart.set(candle.start, candle);
      state.candles = [...byStart.values()].sort((a, b) => a.start - b.start).slice(-90);
      renderCandles();
      break;
    }
    case 'ticker': renderTicker(message); break;
    case 'utilisation': renderUtilisation(message); break;
    case 'auction': renderAuction(message); break;
    case 'heartbeat':
      if (state.book && message.bookSeq && message.bookSeq[state.instrument] !== undefined &&
          message.bookSeq[state.instrument] !== state.book.seq) resync('heartbeat seq ahead');
      break;
    default:
      if (message.ok === false) setStatus(message.error.code + ': ' + message.error.message, 'bad');
  }
}

function connect() {
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  const socket = new WebSocket(scheme + location.host + '/ws');
  state.socket = socket;
  socket.onopen = () => { state.book = newBook(); subscribeAll('subscribe'); };
  socket.onmessage = onMessage;
  socket.onclose = (event) => {
    setStatus('disconnected' + (event.reason ? ' (' + event.reason + ')' : '') + '; reconnecting…', 'bad');
    setTimeout(connect, 1000);
  };
}

function select(instrument) {
  if (state.instrument && state.socket) subscribeAll('unsubscribe');
  state.instrument = instrument;
  state.book = newBook();
  state.trades = [];
  state.candles = [];
  for (const button of document.querySelectorAll('#instruments button')) {
    button.classList.toggle('active', button.dataset.id === instrument);
  }
  history.replaceState(null, '', '?instrument=' + encodeURIComponent(instrument));
  renderLadder(); renderDepth(); renderTape(); renderCandles();
  document.getElementById('auction').hidden = true;
  if (state.socket && state.socket.readyState === WebSocket.OPEN) subscribeAll('subscribe');
}

// ---------------------------------------------------------------------------------------------- rendering

function setStatus(text, kind) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.className = 'status ' + (kind || '');
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function renderLadder() {
  const body = document.querySelector('#ladder tbody');
  body.replaceChildren();
  if (!state.book) return;
  const asks = sorted(state.book.asks, false).slice(0, 15).reverse();
  const bids = sorted(state.book.bids, true).slice(0, 15);
  const max = Math.max(1, ...asks.map(l => l[1][0]), ...bids.map(l => l[1][0]));
  const row = (side, [price, [gpus, orders]]) => {
    const tr = body.insertRow();
    tr.className = side;
    const bar = cell(tr, '', 'bar');
    const span = document.createElement('span');
    span.style.width = (100 * gpus / max) + '%';
    bar.appendChild(span);
    cell(tr, price, 'price');
    cell(tr, gpus);
    cell(tr, orders);
  };
  asks.forEach(level => row('ask', level));
  const spread = body.insertRow();
  spread.className = 'spread';
  const td = spread.insertCell();
  td.colSpan = 4;
  td.textContent = asks.length && bids.length
    ? 'spread ' + (Number(asks[asks.length - 1][0]) - Number(bids[0][0])).toFixed(3) + (Number(asks[asks.length - 1][0]) < Number(bids[0][0]) ? ' (crossed: incompatible orders)' : '')
    : 'no ' + (asks.length ? 'bids' : 'asks');
  bids.forEach(level => row('bid', level));
}

function renderDepth() {
  const canvas = document.getElementById('depth');
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  if (!state.book) return;
  const cumulative = (levels) => { let sum = 0; return levels.map(([price, [gpus]]) => [Number(price), sum += gpus]); };
  const bids = cumulative(sorted(state.book.bids, true));
  const asks = cumulative(sorted(state.book.asks, false));
  const all = bids.concat(asks);
  if (all.length === 0) return;
  const prices = all.map(p => p[0]);
  const lo = Math.min(...prices), hi = Math.max(...prices), top = Math.max(...all.map(p => p[1]));
  const x = p => 30 + (canvas.width - 40) * (hi === lo ? 0.5 : (p - lo) / (hi - lo));
  const y = q => canvas.height - 20 - (canvas.height - 30) * q / top;
  const draw = (points, colour) => {
    if (!points.length) return;
    g.beginPath();
    g.moveTo(x(points[0][0]), y(0));
    let last = 0;
    for (const [price, qty] of points) { g.lineTo(x(price), y(last)); g.lineTo(x(price), y(qty)); last = qty; }
    g.strokeStyle = colour; g.lineWidth = 2; g.stroke();
    g.lineTo(x(points[points.length - 1][0]), y(0)); g.closePath();
    g.globalAlpha = 0.15; g.fillStyle = colour; g.fill(); g.globalAlpha = 1;
  };
  draw(bids, '#3fb68b');
  draw(asks, '#ff5b5a');
  g.fillStyle = '#7c8896'; g.font = '11px sans-serif';
  g.fillText(lo.toFixed(3), 30, canvas.height - 5);
  g.fillText(hi.toFixed(3), canvas.width - 50, canvas.height - 5);
  g.fillText(top + ' GPUs', 2, 12);
}

function renderCandles() {
  const canvas = document.getElementById('candles');
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  const candles = state.candles;
  if (!candles.length) return;
  const lo = Math.min(...candles.map(c => Number(c.low))), hi = Math.max(...candles.map(c => Number(c.high)));
  const y = p => 10 + (canvas.height - 30) * (hi === lo ? 0.5 : (hi - Number(p)) / (hi - lo));
  const width = (canvas.width - 40) / 90;
  candles.forEach((c, i) => {
    const cx = 35 + i * width;
    const up = Number(c.close) >= Number(c.open);
    g.strokeStyle = g.fillStyle = up ? '#3fb68b' : '#ff5b5a';
    g.beginPath(); g.moveTo(cx, y(c.high)); g.lineTo(cx, y(c.low)); g.stroke();
    const top = Math.min(y(c.open), y(c.close));
    g.fillRect(cx - width * 0.35, top, width * 0.7, Math.max(1, Math.abs(y(c.open) - y(c.close))));
  });
  g.fillStyle = '#7c8896'; g.font = '11px sans-serif';
  g.fillText(hi.toFixed(3), 0, 12);
  g.fillText(lo.toFixed(3), 0, canvas.height - 18);
}

function renderTape() {
  const body = document.querySelector('#tape tbody');
  body.replaceChildren();
  for (const trade of state.trades) {
    const tr = body.insertRow();
    cell(tr, new Date(trade.time).toISOString().substring(11, 19));
    cell(tr, trade.price, trade.maker === 'ASK' ? 'BID' : 'ASK');
    cell(tr, trade.gpus);
    cell(tr, trade.durationMinutes);
    cell(tr, trade.maker);
  }
}

function renderTicker(t) {
  const item = (label, value) => '<span><b>' + label + '</b>' + (value === null ? '—' : value) + '</span>';
  document.getElementById('ticker').innerHTML =
    item('bid', t.bestBid) + item('ask', t.bestAsk) + item('last', t.last) +
    item('24h GPU-h', t.volume24hGpuHours) + item('24h VWAP', t.vwap24h) +
    item('engine time', new Date(t.time).toISOString().replace('T', ' ').substring(0, 19));
}

function renderUtilisation(u) {
  const share = u.utilisation === null ? 0 : Number(u.utilisation);
  document.getElementById('utilisation').innerHTML =
    '<div class="gauge"><div style="width:' + (100 * share).toFixed(1) + '%"></div></div>' +
    '<dl><dt>utilisation</dt><dd>' + (100 * share).toFixed(1) + '%</dd>' +
    '<dt>GPUs posted</dt><dd>' + u.postedGpus + '</dd><dt>leased</dt><dd>' + u.leasedGpus + '</dd>' +
    '<dt>idle</dt><dd>' + u.idleGpus + '</dd></dl>' +
    '<table class="windows"><thead><tr><th>window</th><th>GPU-h posted</th><th>GPU-h leased</th><th>utilisation</th></tr></thead><tbody>' +
    Object.entries(u.windows || {}).map(([name, w]) => '<tr><td>' + name + '</td><td>' + w.postedGpuHours + '</td><td>' +
      w.leasedGpuHours + '</td><td>' + (w.utilisation === null ? '—' : (100 * Number(w.utilisation)).toFixed(1) + '%') +
      '</td></tr>').join('') + '</tbody></table>';
}

// Shown only while the instrument is in call-auction mode or switching: docs/api.md, "auction".
function renderAuction(a) {
  const box = document.getElementById('auction');
  box.hidden = a.mode !== 'AUCTION' && a.pendingSwitch === null;
  if (box.hidden) return;
  const time = t => new Date(t).toISOString().substring(11, 19);
  box.innerHTML = '<h2>Call auction <small>' + (a.mode === 'AUCTION' ? 'clears every ' + a.auctionIntervalSeconds + ' s' :
      'continuous') + '</small></h2><dl>' +
    (a.pendingSwitch ? '<dt>switching</dt><dd>to ' + (a.pendingSwitch.auctionIntervalSeconds === 0 ? 'continuous' :
      a.pendingSwitch.auctionIntervalSeconds + ' s') + ' at ' + time(a.pendingSwitch.effectiveAt) + '</dd>' : '') +
    '<dt>indicative price</dt><dd>' + (a.indicativePrice === null ? '—' : a.indicativePrice) + '</dd>' +
    '<dt>indicative GPUs</dt><dd>' + a.indicativeGpus + '</dd>' +
    '<dt>last clear</dt><dd>' + (a.lastClear === null ? '—' : a.lastClear.gpus + ' GPUs at ' + a.lastClear.price + ', ' +
      time(a.lastClear.time)) + '</dd></dl>';
}

// The whole market's utilisation (every instrument summed) is a REST resource; polled, not streamed.
function pollOverall() {
  fetch('/api/utilisation').then(r => r.json()).then(u => {
    const day = u.windows['24h'];
    document.getElementById('overall').innerHTML = '<dl><dt>all GPU classes now</dt><dd>' + u.leasedGpus + ' of ' + u.postedGpus +
      ' GPUs leased</dd><dt>all, 24 h</dt><dd>' + day.leasedGpuHours + ' of ' + day.postedGpuHours + ' GPU-h' +
      (day.utilisation === null ? '' : ' (' + (100 * Number(day.utilisation)).toFixed(1) + '%)') + '</dd></dl>';
  }).catch(() => {});
}

// ---------------------------------------------------------------------------------------------- start

fetch('/api/instruments').then(r => r.json()).then(({ instruments }) => {
  state.instruments = instruments.map(i => i.id);
  const nav = document.getElementById('instruments');
  for (const instrument of instruments) {
    const button = document.createElement('button');
    button.textContent = instrument.id;
    button.dataset.id = instrument.id;
    button.title = instrument.generation + ' ' + instrument.year + ', ' + instrument.memoryGb + ' GB, ' + instrument.interconnect;
    button.onclick = () => select(instrument.id);
    nav.appendChild(button);
  }
  const wanted = new URLSearchParams(location.search).get('instrument');
  select(state.instruments.includes(wanted) ? wanted : state.instruments[0]);
  connect();
  pollOverall();
  setInterval(pollOverall, 5000);
});
