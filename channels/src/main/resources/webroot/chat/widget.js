/*
 * Ventanilla chat widget. A city adds one tag to any page:
 *   <script src="https://ventanilla.example.gov.co/chat/widget.js" data-lang="es" async></script>
 * Optional attributes: data-lang="en" (Spanish by default), data-title, data-topics='[{"code":"sisben","es":"SISBÉN","en":"SISBÉN"}]'.
 * Every text from the server or the citizen is shown with textContent: markup is never interpreted.
 */
(function () {
  'use strict';
  if (window.__ventanillaChat) { return; }
  window.__ventanillaChat = true;

  var script = document.currentScript || (function () {
    var all = document.getElementsByTagName('script');
    for (var i = all.length - 1; i >= 0; i--) { if (/\/chat\/widget\.js(\?|$)/.test(all[i].src)) { return all[i]; } }
    return null;
  })();
  var base = script ? script.src.replace(/widget\.js(\?.*)?$/, '') : '/chat/';
  var lang = (script && script.getAttribute('data-lang')) || ((navigator.language || 'es').slice(0, 2) === 'en' ? 'en' : 'es');
  if (lang !== 'en') { lang = 'es'; }
  var STORE = 'ventanilla.chat.v1';

  var T = {
    es: {
      open: 'Chatear con la Alcaldía', title: 'Atención a la ciudadanía', close: 'Cerrar chat', optional: 'Todos los datos son opcionales.',
      name: 'Nombre', idType: 'Tipo de documento', idNone: 'Sin documento', id: 'Número de documento', email: 'Correo electrónico',
      phone: 'Teléfono celular', topic: 'Tema', start: 'Empezar el chat', consent: 'Acepto el tratamiento de mis datos personales.',
      notice: 'Aviso de privacidad (Ley 1581 de 2012): la Alcaldía usará los datos que nos dé solo para atender su solicitud. '
        + 'Puede conocer, actualizar, rectificar o suprimir sus datos escribiendo a la Alcaldía. Si no da datos, el chat es anónimo.',
      consentNeeded: 'Para enviarnos sus datos debe aceptar el aviso de privacidad, o deje los campos vacíos.',
      message: 'Su mensaje', send: 'Enviar', you: 'Usted', agent: 'Asesor', system: 'Alcaldía', solvedYes: 'Sí, resolvió mi consulta',
      solvedNo: 'No, quiero hablar con una persona', end: 'Terminar el chat', leave: 'Salir de la fila',
      position: 'Su turno en la fila: {p}. Espera estimada: {m} min.', typing: 'El asesor está escribiendo…', reconnecting: 'Reconectando…',
      connected: 'Conectado.', rate: '¿Cómo fue la atención?', comment: 'Comentario (opcional)', sendRating: 'Enviar calificación',
      thanks: 'Gracias por su calificación.', transcript: 'Enviarme la conversación a', transcriptSend: 'Pedir copia',
      transcriptOk: 'Registramos su solicitud de copia.', error: 'No se pudo enviar: {e}', read: 'Leído', delivered: 'Entregado',
      sending: 'Enviando…', newMessage: 'Nuevo mensaje de {w}: {t}', afterHours: 'Estamos fuera del horario de atención: escriba su mensaje y quedará radicado.',
      ratings: ['Excelente', 'Bueno', 'Regular', 'Malo'], attach: 'Adjuntar imagen o PDF', download: 'Descargar {n}',
      attachFailed: 'No se pudo adjuntar el archivo: {e}'
    },
    en: {
      open: 'Chat with the City', title: 'Citizen services', close: 'Close chat', optional: 'All fields are optional.',
      name: 'Name', idType: 'Document type', idNone: 'No document', id: 'Document number', email: 'Email',
      phone: 'Mobile phone', topic: 'Topic', start: 'Start chat', consent: 'I accept the processing of my personal data.',
      notice: 'Privacy notice (Colombian Law 1581 of 2012): the City will use the data you give only to handle your request. '
        + 'You may access, update, correct or delete it by writing to the City. Without data, the chat is anonymous.',
      consentNeeded: 'To send us your data, accept the privacy notice, or leave the fields empty.',
      message: 'Your message', send: 'Send', you: 'You', agent: 'Agent', system: 'City', solvedYes: 'Yes, that solved it',
      solvedNo: 'No, I want to talk to a person', end: 'End chat', leave: 'Leave the queue',
      position: 'Your place in the queue: {p}. Estimated wait: {m} min.', typing: 'The agent is typing…', reconnecting: 'Reconnecting…',
      connected: 'Connected.', rate: 'How was the service?', comment: 'Comment (optional)', sendRating: 'Send rating',
      thanks: 'Thank you for your rating.', transcript: 'Send me the conversation at', transcriptSend: 'Request copy',
      transcriptOk: 'Your copy request was recorded.', error: 'Could not send: {e}', read: 'Read', delivered: 'Delivered',
      sending: 'Sending…', newMessage: 'New message from {w}: {t}', afterHours: 'We are outside opening hours: write your message and it will be filed.',
      ratings: ['Excelente', 'Bueno', 'Regular', 'Malo'], attach: 'Attach an image or PDF', download: 'Download {n}',
      attachFailed: 'The file could not be attached: {e}'
    }
  }[lang];
  var RATING_LABELS = { en: { Excelente: 'Excellent', Bueno: 'Good', Regular: 'Fair', Malo: 'Poor' } };
  var TOPICS = [
    { code: 'general', es: 'Consulta general', en: 'General question' },
    { code: 'estado-radicado', es: 'Estado de un radicado', en: 'Status of a filing' },
    { code: 'horarios-sedes', es: 'Horarios y sedes', en: 'Opening hours and offices' },
    { code: 'estado-cuenta-predial', es: 'Impuesto predial', en: 'Property tax' },
    { code: 'sisben', es: 'SISBÉN', en: 'SISBÉN' },
    { code: 'comparendos', es: 'Comparendos y multas', en: 'Traffic fines' },
    { code: 'huecos-via', es: 'Huecos en la vía', en: 'Potholes' },
    { code: 'queja-funcionario', es: 'Queja', en: 'Complaint' }
  ];
  try {
    var custom = script && script.getAttribute('data-topics');
    if (custom) { TOPICS = JSON.parse(custom); }
  } catch (ignored) { /* keep the default topics */ }

  function fmt(s, args) { return s.replace(/\{(\w)\}/g, function (m, k) { return args[k] !== undefined ? String(args[k]) : m; }); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) { e.setAttribute(k, attrs[k]); } } }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  var link = el('link', { rel: 'stylesheet', href: base + 'widget.css' });
  document.head.appendChild(link);

  var root = el('div', { 'class': 'vtn-chat', lang: lang });
  var launcher = el('button', { type: 'button', 'class': 'vtn-launcher', id: 'ventanilla-chat-launcher', 'aria-expanded': 'false',
    'aria-controls': 'ventanilla-chat-panel' }, T.open);
  var panel = el('section', { 'class': 'vtn-panel', id: 'ventanilla-chat-panel', role: 'dialog', 'aria-labelledby': 'vtn-title', hidden: '' });
  var header = el('div', { 'class': 'vtn-header' });
  var title = el('h2', { id: 'vtn-title' }, (script && script.getAttribute('data-title')) || T.title);
  var closeBtn = el('button', { type: 'button', 'class': 'vtn-close', 'aria-label': T.close }, '✕');
  header.appendChild(title);
  header.appendChild(closeBtn);
  var body = el('div', { 'class': 'vtn-body' });
  var live = el('div', { 'class': 'vtn-visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true', id: 'vtn-announce' });
  var status = el('p', { 'class': 'vtn-status', role: 'status', id: 'vtn-status' });

  // --- start form
  var form = el('form', { 'class': 'vtn-form', id: 'vtn-start', novalidate: '' });
  form.appendChild(el('p', null, T.optional));
  function field(id, label, type, extra) {
    form.appendChild(el('label', { 'for': id }, label));
    var input = el(type === 'select' ? 'select' : 'input', Object.assign({ id: id, name: id }, type === 'select' ? {} : { type: type }, extra || {}));
    form.appendChild(input);
    return input;
  }
  var nameIn = field('vtn-name', T.name, 'text', { autocomplete: 'name', maxlength: '120' });
  var idTypeIn = field('vtn-idtype', T.idType, 'select');
  [['', T.idNone], ['CC', 'CC'], ['TI', 'TI'], ['CE', 'CE'], ['PPT', 'PPT'], ['NIT', 'NIT']].forEach(function (o) {
    idTypeIn.appendChild(el('option', { value: o[0] }, o[1]));
  });
  var idIn = field('vtn-id', T.id, 'text', { inputmode: 'numeric', maxlength: '32' });
  var emailIn = field('vtn-email', T.email, 'email', { autocomplete: 'email', maxlength: '254' });
  var phoneIn = field('vtn-phone', T.phone, 'tel', { autocomplete: 'tel', maxlength: '32' });
  var topicIn = field('vtn-topic', T.topic, 'select');
  TOPICS.forEach(function (t) { topicIn.appendChild(el('option', { value: t.code }, t[lang] || t.es || t.code)); });
  form.appendChild(el('p', { 'class': 'vtn-notice', id: 'vtn-notice' }, T.notice));
  var consentLabel = el('label', { 'class': 'vtn-check', 'for': 'vtn-consent' });
  var consentIn = el('input', { type: 'checkbox', id: 'vtn-consent', 'aria-describedby': 'vtn-notice' });
  consentLabel.appendChild(consentIn);
  consentLabel.appendChild(el('span', null, T.consent));
  form.appendChild(consentLabel);
  var formError = el('p', { role: 'alert', id: 'vtn-form-error' });
  form.appendChild(formError);
  var startBtn = el('button', { type: 'submit', 'class': 'vtn-button', id: 'vtn-start-button' }, T.start);
  form.appendChild(startBtn);

  // --- conversation
  var log = el('ol', { 'class': 'vtn-log', id: 'vtn-log', role: 'log', 'aria-live': 'polite', 'aria-label': T.title, hidden: '' });
  var actions = el('div', { 'class': 'vtn-actions', hidden: '' });
  var solvedYes = el('button', { type: 'button', 'class': 'vtn-button', id: 'vtn-solved-yes' }, T.solvedYes);
  var solvedNo = el('button', { type: 'button', 'class': 'vtn-button vtn-secondary', id: 'vtn-solved-no' }, T.solvedNo);
  actions.appendChild(solvedYes);
  actions.appendChild(solvedNo);
  var endBtn = el('button', { type: 'button', 'class': 'vtn-button vtn-secondary', id: 'vtn-end', hidden: '' }, T.end);

  var rating = el('form', { 'class': 'vtn-form', id: 'vtn-rating', hidden: '' });
  var fieldset = el('fieldset');
  fieldset.appendChild(el('legend', null, T.rate));
  T.ratings.forEach(function (r, i) {
    var l = el('label', { 'class': 'vtn-check', 'for': 'vtn-rate-' + i });
    l.appendChild(el('input', { type: 'radio', name: 'vtn-rate', id: 'vtn-rate-' + i, value: r }));
    l.appendChild(el('span', null, (RATING_LABELS[lang] || {})[r] || r));
    fieldset.appendChild(l);
  });
  rating.appendChild(fieldset);
  rating.appendChild(el('label', { 'for': 'vtn-comment' }, T.comment));
  var commentIn = el('textarea', { id: 'vtn-comment', maxlength: '1000', rows: '2' });
  rating.appendChild(commentIn);
  rating.appendChild(el('button', { type: 'submit', 'class': 'vtn-button' }, T.sendRating));
  rating.appendChild(el('label', { 'for': 'vtn-transcript' }, T.transcript));
  var transcriptIn = el('input', { type: 'email', id: 'vtn-transcript', autocomplete: 'email' });
  rating.appendChild(transcriptIn);
  var transcriptBtn = el('button', { type: 'button', 'class': 'vtn-button vtn-secondary' }, T.transcriptSend);
  rating.appendChild(transcriptBtn);

  var composer = el('form', { 'class': 'vtn-composer', id: 'vtn-composer', hidden: '' });
  composer.appendChild(el('label', { 'for': 'vtn-input' }, T.message));
  var input = el('textarea', { id: 'vtn-input', rows: '2', maxlength: '2000', placeholder: T.message });
  composer.appendChild(input);
  var attachLabel = el('label', { 'for': 'vtn-file', 'class': 'vtn-button vtn-secondary vtn-attach', title: T.attach });
  attachLabel.appendChild(el('span', { 'aria-hidden': 'true' }, '📎'));
  attachLabel.appendChild(el('span', { 'class': 'vtn-visually-hidden' }, T.attach));
  var fileIn = el('input', { type: 'file', id: 'vtn-file', 'class': 'vtn-visually-hidden',
    accept: 'image/png,image/jpeg,image/gif,image/webp,application/pdf' });
  composer.appendChild(fileIn);
  composer.appendChild(attachLabel);
  var sendBtn = el('button', { type: 'submit', 'class': 'vtn-button', id: 'vtn-send' }, T.send);
  composer.appendChild(sendBtn);

  body.appendChild(form);
  body.appendChild(log);
  body.appendChild(actions);
  body.appendChild(endBtn);
  body.appendChild(rating);
  panel.appendChild(header);
  panel.appendChild(body);
  panel.appendChild(status);
  panel.appendChild(composer);
  panel.appendChild(live);
  root.appendChild(launcher);
  root.appendChild(panel);
  (document.body || document.documentElement).appendChild(root);

  // --- state
  var saved = {};
  try { saved = JSON.parse(sessionStorage.getItem(STORE) || '{}') || {}; } catch (ignored) { saved = {}; }
  var ws = null;
  // a new page has an empty log: it resumes from the start and shows the whole conversation once; reconnects within
  // the page resume from the last message shown
  var lastSeq = 0;
  var token = saved.token || null;
  var outbox = saved.outbox || [];      // sent, not yet acknowledged: re-sent after a reconnect (the server drops repeats)
  var retry = 0;
  var cidCounter = 0;
  var ended = false;

  function save() {
    try { sessionStorage.setItem(STORE, JSON.stringify({ token: token, lastSeq: lastSeq, outbox: outbox })); } catch (ignored) { /* private mode */ }
  }
  function announce(text) { live.textContent = ''; setTimeout(function () { live.textContent = text; }, 50); }
  function setStatus(text) { status.textContent = text || ''; }

  function openPanel() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    if (token && !ws) { connect(); }
    var target = form.hidden ? input : nameIn;
    target.focus();
  }
  function closePanel() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }
  launcher.addEventListener('click', function () { if (panel.hidden) { openPanel(); } else { closePanel(); } });
  closeBtn.addEventListener('click', closePanel);
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') { e.preventDefault(); closePanel(); } });

  function wsUrl() {
    var u = new URL(base + 'ws', window.location.href);
    u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
    return u.toString();
  }

  function connect(startFrame) {
    ws = new WebSocket(wsUrl());
    ws.onopen = function () {
      retry = 0;
      if (startFrame) {
        ws.send(JSON.stringify(startFrame));
      } else if (token) {
        ws.send(JSON.stringify({ type: 'resume', token: token, lastSeq: lastSeq }));
      }
    };
    ws.onmessage = function (ev) {
      var f;
      try { f = JSON.parse(ev.data); } catch (ignored) { return; }
      onFrame(f);
    };
    ws.onclose = function () {
      ws = null;
      if (token && !ended) {
        setStatus(T.reconnecting);
        retry = Math.min(retry + 1, 6);
        setTimeout(function () { if (!ws) { connect(); } }, 500 * Math.pow(2, retry - 1));
      }
    };
  }

  function send(frame) { if (ws && ws.readyState === 1) { ws.send(JSON.stringify(frame)); return true; } return false; }

  function showConversation() {
    form.hidden = true;
    log.hidden = false;
    composer.hidden = false;
    endBtn.hidden = false;
  }

  function onFrame(f) {
    switch (f.type) {
      case 'started':
        token = f.token; lastSeq = 0; save();
        showConversation();
        setStatus(f.open ? T.connected : T.afterHours);
        input.focus();
        break;
      case 'resumed':
        showConversation();
        setStatus(T.connected);
        if (f.status === 'ended' || f.status === 'abandoned') {
          ended = true; composer.hidden = true; endBtn.hidden = true; rating.hidden = false;
        }
        outbox.forEach(function (m) { send({ type: 'msg', cid: m.cid, text: m.text }); });
        break;
      case 'msg':
        if (f.seq <= lastSeq) { return; }
        lastSeq = f.seq;
        save();
        render(f);
        break;
      case 'ack':
        outbox = outbox.filter(function (m) { return m.cid !== f.cid; });
        save();
        var pending = document.getElementById('vtn-pending-' + f.cid);
        if (pending) { pending.parentNode.removeChild(pending); }
        break;
      case 'queue':
        setStatus(fmt(T.position, { p: f.position, m: Math.max(1, Math.round(f.waitSeconds / 60)) }));
        break;
      case 'typing':
        setStatus(T.typing);
        setTimeout(function () { if (status.textContent === T.typing) { setStatus(''); } }, 3000);
        break;
      case 'read':
      case 'delivered':
        markOwn(f.seq, f.type === 'read' ? T.read : T.delivered);
        break;
      case 'rated':
        announce(T.thanks);
        setStatus(T.thanks);
        break;
      case 'transcript-recorded':
        setStatus(T.transcriptOk);
        break;
      case 'error':
        if (f.code === 'FORBIDDEN' && !f.ref) {
          // the saved session is unknown here: start afresh
          token = null; lastSeq = 0; outbox = []; save();
          form.hidden = false; log.hidden = true; composer.hidden = true; endBtn.hidden = true;
        }
        if (f.ref) {
          var p = document.getElementById('vtn-pending-' + f.ref);
          if (p) { p.parentNode.removeChild(p); }
          outbox = outbox.filter(function (m) { return m.cid !== f.ref; });
          save();
        }
        if (!form.hidden) { formError.textContent = f.message; } else { setStatus(fmt(T.error, { e: f.message })); }
        break;
      default:
        break;
    }
  }

  function render(f) {
    var who = f.from === 'citizen' ? T.you : f.from === 'agent' ? ((f.data && f.data.name) || T.agent) : T.system;
    var li = el('li', { 'class': 'vtn-msg vtn-msg-' + f.from + (f.kind === 'emergency' ? ' vtn-msg-emergency' : ''), 'data-seq': String(f.seq) });
    li.appendChild(el('span', { 'class': 'vtn-meta' }, who));
    li.appendChild(el('span', { 'class': 'vtn-text' }, f.text));
    if (f.kind === 'attachment' && f.data && f.data.attachmentId) {
      var dl = el('button', { type: 'button', 'class': 'vtn-button vtn-secondary' }, fmt(T.download, { n: f.text }));
      dl.addEventListener('click', function () { download(f.data.attachmentId, f.text); });
      li.appendChild(dl);
    }
    if (f.from === 'citizen') { li.appendChild(el('span', { 'class': 'vtn-meta vtn-receipt' })); }
    log.appendChild(li);
    li.scrollIntoView({ block: 'end' });
    if (f.from !== 'citizen') {
      announce(fmt(T.newMessage, { w: who, t: f.text }));
      send({ type: 'delivered', seq: f.seq });
      if (!panel.hidden && document.visibilityState === 'visible') { send({ type: 'read', seq: f.seq }); }
    }
    actions.hidden = f.kind !== 'self-service';
    if (f.kind === 'self-service' && f.data && f.data.question) {
      log.appendChild(el('li', { 'class': 'vtn-msg vtn-msg-system' }, f.data.question));
    }
    if (f.kind === 'waiting') { actions.hidden = true; }
    if (f.kind === 'ended') {
      ended = true;
      composer.hidden = true;
      endBtn.hidden = true;
      rating.hidden = false;
      var first = rating.querySelector('input');
      if (first) { first.focus(); }
    }
  }

  function download(id, name) {
    fetch(base + 'attachments/' + encodeURIComponent(id), { headers: { 'X-Chat-Token': token } })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.blob(); })
      .then(function (blob) {
        var a = el('a', { href: URL.createObjectURL(blob), download: name });
        document.body.appendChild(a); a.click(); document.body.removeChild(a);
      })
      .catch(function (e) { setStatus(fmt(T.error, { e: e.message })); });
  }

  fileIn.addEventListener('change', function () {
    var file = fileIn.files && fileIn.files[0];
    if (!file || !token) { return; }
    var cid = 'f' + Date.now().toString(36) + '-' + (++cidCounter);
    fetch(base + 'attachments', { method: 'POST', body: file, headers: { 'X-Chat-Token': token,
      'X-File-Name': encodeURIComponent(file.name), 'X-Cid': cid, 'Content-Type': 'application/octet-stream' } })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) { throw new Error(j.message || String(r.status)); } return j; }); })
      .catch(function (e) { setStatus(fmt(T.attachFailed, { e: e.message })); });
    fileIn.value = '';
  });

  function markOwn(seq, text) {
    var items = log.querySelectorAll('.vtn-msg-citizen');
    for (var i = 0; i < items.length; i++) {
      if (Number(items[i].getAttribute('data-seq')) <= seq) {
        var r = items[i].querySelector('.vtn-receipt');
        if (r && r.textContent !== T.read) { r.textContent = text; }
      }
    }
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    formError.textContent = '';
    var data = { type: 'start', lang: lang, topic: topicIn.value, consent: consentIn.checked };
    if (nameIn.value.trim()) { data.name = nameIn.value.trim(); }
    if (idIn.value.trim()) { data.identifier = idIn.value.trim(); data.identifierType = idTypeIn.value || 'CC'; }
    if (emailIn.value.trim()) { data.email = emailIn.value.trim(); }
    if (phoneIn.value.trim()) { data.phone = phoneIn.value.trim(); }
    var personal = data.name || data.identifier || data.email || data.phone;
    if (personal && !consentIn.checked) { formError.textContent = T.consentNeeded; consentIn.focus(); return; }
    token = null; lastSeq = 0; outbox = []; ended = false;
    if (ws) { ws.onclose = null; ws.close(); ws = null; }
    connect(data);
  });

  composer.addEventListener('submit', function (e) {
    e.preventDefault();
    var text = input.value;
    if (!text.trim()) { return; }
    var cid = 'w' + Date.now().toString(36) + '-' + (++cidCounter);
    outbox.push({ cid: cid, text: text });
    save();
    var li = el('li', { 'class': 'vtn-msg vtn-msg-citizen', id: 'vtn-pending-' + cid, 'aria-hidden': 'true' });
    li.appendChild(el('span', { 'class': 'vtn-meta' }, T.sending));
    li.appendChild(el('span', { 'class': 'vtn-text' }, text));
    log.appendChild(li);
    send({ type: 'msg', cid: cid, text: text });
    input.value = '';
    input.focus();
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); composer.requestSubmit ? composer.requestSubmit() : sendBtn.click(); }
  });
  var typingSent = 0;
  input.addEventListener('input', function () {
    var now = Date.now();
    if (now - typingSent > 2000) { typingSent = now; send({ type: 'typing' }); }
  });
  solvedYes.addEventListener('click', function () { send({ type: 'solved', answer: true }); actions.hidden = true; });
  solvedNo.addEventListener('click', function () { send({ type: 'solved', answer: false }); actions.hidden = true; input.focus(); });
  endBtn.addEventListener('click', function () { send({ type: 'end' }); });
  rating.addEventListener('submit', function (e) {
    e.preventDefault();
    var chosen = rating.querySelector('input[name="vtn-rate"]:checked');
    if (chosen) { send({ type: 'rate', rating: chosen.value, comment: commentIn.value }); }
  });
  transcriptBtn.addEventListener('click', function () {
    if (transcriptIn.value.trim()) { send({ type: 'transcript', email: transcriptIn.value.trim() }); }
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && !panel.hidden && lastSeq > 0) { send({ type: 'read', seq: lastSeq }); }
  });

  if (token) { showConversation(); }
})();
