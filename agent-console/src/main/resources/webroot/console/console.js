/*
 * Ventanilla agent console: sign-in, who is signed in, and for agents the chats they attend over the agent WebSocket
 * (protocol in docs/chat.md). Every text from a citizen or an agent is rendered with textContent, never as markup.
 */
(function () {
  'use strict';

  var TEXTS = {
    es: {
      skip: 'Saltar al contenido', title: 'Consola de Ventanilla', signOut: 'Cerrar sesión', signInTitle: 'Iniciar sesión',
      username: 'Usuario', password: 'Contraseña', signIn: 'Ingresar', roles: 'Roles', agentTitle: 'Atender chats',
      offers: 'Chats en espera', noOffers: 'No hay chats en espera.', chats: 'Conversaciones', other: 'English',
      welcome: 'Hola, {n}', signedInAs: '{n}', missing: 'Escriba su usuario y su contraseña.',
      wrong: 'Usuario o contraseña incorrectos.', failed: 'No se pudo conectar con el servidor ({e}).', expired: 'Su sesión terminó. Ingrese de nuevo.',
      signedOut: 'Cerró la sesión.', connecting: 'Conectando…', connected: 'Conectado: recibirá los chats en espera.',
      reconnecting: 'Conexión perdida; reconectando…', accept: 'Aceptar', decline: 'Rechazar',
      offer: 'Chat en espera: {t} (fila {q})', newOffer: 'Nuevo chat en espera: {t}', noTopic: 'sin tema',
      chatTab: '{t} · {i}', citizen: 'Ciudadano', agent: 'Asesor', system: 'Sistema', you: 'Usted',
      reply: 'Respuesta', send: 'Enviar', sending: 'Enviando…', typing: 'El ciudadano está escribiendo…',
      end: 'Terminar chat', escalate: 'Escalar a caso', transfer: 'Transferir', queue: 'Fila', close: 'Cerrar pestaña',
      newMessage: 'Mensaje de {w}: {t}', filed: 'Radicado {r}', due: ', fecha límite de respuesta {d}', ended: 'El chat terminó.',
      transferred: 'Chat transferido a la fila {q}.', error: 'Error: {e}', joined: 'Chat aceptado: {t}',
      queues: { general: 'Atención general', tramites: 'Trámites y certificados', 'danos-y-servicios': 'Daños y servicios públicos',
        impuestos: 'Impuestos', 'programas-sociales': 'Programas sociales', juridica: 'Asuntos jurídicos y datos personales' }
    },
    en: {
      skip: 'Skip to content', title: 'Ventanilla console', signOut: 'Sign out', signInTitle: 'Sign in',
      username: 'Username', password: 'Password', signIn: 'Sign in', roles: 'Roles', agentTitle: 'Attend chats',
      offers: 'Waiting chats', noOffers: 'No chats are waiting.', chats: 'Conversations', other: 'Español',
      welcome: 'Hello, {n}', signedInAs: '{n}', missing: 'Enter your username and your password.',
      wrong: 'Wrong username or password.', failed: 'Could not reach the server ({e}).', expired: 'Your session ended. Sign in again.',
      signedOut: 'You signed out.', connecting: 'Connecting…', connected: 'Connected: you will receive waiting chats.',
      reconnecting: 'Connection lost; reconnecting…', accept: 'Accept', decline: 'Decline',
      offer: 'Waiting chat: {t} (queue {q})', newOffer: 'New waiting chat: {t}', noTopic: 'no topic',
      chatTab: '{t} · {i}', citizen: 'Citizen', agent: 'Agent', system: 'System', you: 'You',
      reply: 'Reply', send: 'Send', sending: 'Sending…', typing: 'The citizen is typing…',
      end: 'End chat', escalate: 'Escalate to a case', transfer: 'Transfer', queue: 'Queue', close: 'Close tab',
      newMessage: 'Message from {w}: {t}', filed: 'Filing number {r}', due: ', answer due by {d}', ended: 'The chat ended.',
      transferred: 'Chat transferred to queue {q}.', error: 'Error: {e}', joined: 'Chat accepted: {t}',
      queues: { general: 'General enquiries', tramites: 'Procedures and certificates', 'danos-y-servicios': 'Damage and public services',
        impuestos: 'Taxes', 'programas-sociales': 'Social programmes', juridica: 'Legal matters and personal data' }
    }
  };
  var TOKEN_KEY = 'ventanilla.console.token';
  var CHATS_KEY = 'ventanilla.console.chats';
  var LANG_KEY = 'ventanilla.console.lang';

  var lang = readLang();
  var T = TEXTS[lang];
  var token = sessionStorage.getItem(TOKEN_KEY);
  var me = null;
  var ws = null;
  var retry = 0;
  var offers = {};
  var chats = {};
  var chatCounter = 0;
  var cidCounter = 0;

  function $(id) { return document.getElementById(id); }
  function fmt(s, args) { return s.replace(/\{(\w)\}/g, function (m, k) { return args[k] !== undefined ? String(args[k]) : m; }); }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function readLang() {
    var q = new URLSearchParams(location.search).get('lang');
    var stored = null;
    try { stored = localStorage.getItem(LANG_KEY); } catch (ignored) { /* storage may be off */ }
    var l = q || stored || 'es';
    return TEXTS[l] ? l : 'es';
  }
  function setStatus(text) { $('status').textContent = text || ''; }
  function announce(text) {
    var a = $('announce');
    a.textContent = '';
    setTimeout(function () { a.textContent = text; }, 50);
  }

  /* ---------- language ---------- */

  function applyLang() {
    T = TEXTS[lang];
    document.documentElement.lang = lang;
    document.title = 'Ventanilla · ' + (lang === 'es' ? 'Consola' : 'Console');
    Array.prototype.forEach.call(document.querySelectorAll('[data-t]'), function (e) { e.textContent = T[e.getAttribute('data-t')]; });
    var sw = $('lang-switch');
    sw.textContent = T.other;
    sw.setAttribute('lang', lang === 'es' ? 'en' : 'es');
    if (me) { showUser(); }
    Object.keys(offers).forEach(function (id) { renderOffer(offers[id]); });
    Object.keys(chats).forEach(function (id) { relabelChat(chats[id]); });
  }
  $('lang-switch').addEventListener('click', function () {
    lang = lang === 'es' ? 'en' : 'es';
    try { localStorage.setItem(LANG_KEY, lang); } catch (ignored) { /* storage may be off */ }
    applyLang();
  });

  /* ---------- sign-in ---------- */

  function api(method, path, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) { headers.Authorization = 'Bearer ' + token; }
    return fetch('/console/api/' + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined, cache: 'no-store' });
  }

  $('sign-in-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var error = $('sign-in-error');
    var username = $('username').value.trim();
    var password = $('password').value;
    if (!username || !password) {
      error.textContent = T.missing;
      (username ? $('password') : $('username')).focus();
      return;
    }
    error.textContent = '';
    var button = $('sign-in-button');
    button.disabled = true;
    api('POST', 'sign-in', { username: username, password: password }).then(function (r) {
      if (r.status === 401) { throw new Error('401'); }
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    }).then(function (session) {
      token = session.token;
      sessionStorage.setItem(TOKEN_KEY, token);
      $('password').value = '';
      signedIn(session);
    }).catch(function (e) {
      error.textContent = e.message === '401' ? T.wrong : fmt(T.failed, { e: e.message });
      $('password').value = '';
      $('password').focus();
    }).then(function () { button.disabled = false; });
  });

  function signedIn(user) {
    me = user;
    $('sign-in-view').hidden = true;
    $('home-view').hidden = false;
    $('sign-out').hidden = false;
    showUser();
    setStatus('');
    $('home-title').focus();
    if (isAgent()) {
      $('agent-view').hidden = false;
      restoreChats();
      connect();
    }
  }

  function showUser() {
    $('home-title').textContent = fmt(T.welcome, { n: me.displayName });
    $('roles').textContent = (me.roles || []).join(', ');
    var who = $('who');
    who.textContent = fmt(T.signedInAs, { n: me.displayName });
    who.hidden = false;
  }

  function isAgent() { return me && (me.roles || []).indexOf('AGENT') >= 0; }

  function signedOut(message) {
    me = null;
    token = null;
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(CHATS_KEY);
    if (ws) { var w = ws; ws = null; w.close(); }
    offers = {};
    chats = {};
    $('offers').textContent = '';
    $('chat-tabs').textContent = '';
    $('chat-panels').textContent = '';
    $('no-offers').hidden = false;
    $('agent-view').hidden = true;
    $('home-view').hidden = true;
    $('sign-out').hidden = true;
    $('who').hidden = true;
    $('sign-in-view').hidden = false;
    setStatus(message);
    $('username').focus();
  }

  $('sign-out').addEventListener('click', function () {
    var done = function () { signedOut(T.signedOut); };
    api('POST', 'sign-out').then(done, done);
  });

  /* ---------- the agent WebSocket ---------- */

  function connect() {
    if (ws || !token) { return; }
    $('agent-state').textContent = T.connecting;
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/chat/agent/ws';
    var socket = new WebSocket(url);
    ws = socket;
    socket.onopen = function () {
      var resume = {};
      Object.keys(chats).forEach(function (id) { if (!chats[id].closed) { resume[id] = chats[id].lastSeq; } });
      socket.send(JSON.stringify({ type: 'auth', token: token, chats: resume }));
    };
    socket.onmessage = function (ev) {
      var f;
      try { f = JSON.parse(ev.data); } catch (ignored) { return; }
      onFrame(f);
    };
    socket.onclose = function () {
      if (ws !== socket) { return; }
      ws = null;
      if (token) {
        $('agent-state').textContent = T.reconnecting;
        retry = Math.min(retry + 1, 6);
        setTimeout(connect, 500 * Math.pow(2, retry - 1));
      }
    };
  }

  function send(frame) {
    if (ws && ws.readyState === 1) { ws.send(JSON.stringify(frame)); return true; }
    return false;
  }

  function onFrame(f) {
    switch (f.type) {
      case 'ready':
        retry = 0;
        $('agent-state').textContent = T.connected;
        break;
      case 'offer':
        addOffer(f);
        break;
      case 'joined':
        removeOffer(f.chatId);
        joined(f);
        break;
      case 'msg':
        onMessage(f);
        break;
      case 'ack':
        onAck(f);
        break;
      case 'typing':
        showTyping(f.chatId);
        break;
      case 'filed':
        onFiled(f);
        break;
      case 'error':
        onError(f);
        break;
      default:
        break;
    }
  }

  function onError(f) {
    if (f.code === 'FORBIDDEN' && /token/.test(f.message || '')) {
      signedOut(T.expired);
      return;
    }
    if (f.ref) {
      Object.keys(chats).forEach(function (id) { dropPending(chats[id], f.ref); });
    }
    var m = /chat (\S+) is not offered/.exec(f.message || '');
    if (m) { removeOffer(m[1]); }
    setStatus(fmt(T.error, { e: f.message || f.code }));
  }

  /* ---------- offers ---------- */

  function addOffer(f) {
    if (chats[f.chatId] && !chats[f.chatId].closed) { return; }
    var offer = offers[f.chatId] || { chatId: f.chatId, li: el('li') };
    offer.topic = f.topic;
    offer.queue = f.queue;
    offers[f.chatId] = offer;
    renderOffer(offer);
    if (!offer.li.parentNode) { $('offers').appendChild(offer.li); }
    $('no-offers').hidden = true;
    announce(fmt(T.newOffer, { t: f.topic || T.noTopic }));
  }

  function renderOffer(offer) {
    var li = offer.li;
    li.textContent = '';
    var label = el('span', { id: 'offer-label-' + cssId(offer.chatId) }, fmt(T.offer, { t: offer.topic || T.noTopic, q: offer.queue || '-' }));
    var accept = el('button', { type: 'button', 'class': 'accept', 'aria-describedby': label.id }, T.accept);
    var decline = el('button', { type: 'button', 'class': 'secondary decline', 'aria-describedby': label.id }, T.decline);
    accept.addEventListener('click', function () { accept.disabled = true; send({ type: 'accept', chatId: offer.chatId }); });
    decline.addEventListener('click', function () {
      send({ type: 'decline', chatId: offer.chatId });
      removeOffer(offer.chatId);
    });
    li.appendChild(label);
    li.appendChild(accept);
    li.appendChild(decline);
  }

  function removeOffer(chatId) {
    var offer = offers[chatId];
    if (!offer) { return; }
    var hadFocus = offer.li.contains(document.activeElement);
    delete offers[chatId];
    offer.li.parentNode.removeChild(offer.li);
    var rest = $('offers').querySelector('button');
    $('no-offers').hidden = Object.keys(offers).length > 0;
    if (hadFocus && rest) { rest.focus(); }
  }

  function cssId(chatId) { return String(chatId).replace(/[^A-Za-z0-9_-]/g, '_'); }

  /* ---------- conversations ---------- */

  function saveChats() {
    var saved = {};
    Object.keys(chats).forEach(function (id) {
      var c = chats[id];
      if (!c.closed) { saved[id] = { topic: c.topic || null, category: c.category || null }; }
    });
    sessionStorage.setItem(CHATS_KEY, JSON.stringify(saved));
  }

  /** After a reload the log is empty: the held chats are asked again from their start (lastSeq 0). */
  function restoreChats() {
    var saved = {};
    try { saved = JSON.parse(sessionStorage.getItem(CHATS_KEY) || '{}') || {}; } catch (ignored) { saved = {}; }
    Object.keys(saved).forEach(function (id) { chatView(id, saved[id].topic, saved[id].category); });
  }

  function joined(f) {
    var fresh = !chats[f.chatId];
    var c = chatView(f.chatId, f.topic, f.category);
    if (f.topic) { c.topic = f.topic; }
    if (f.category) { c.category = f.category; }
    c.closed = false;
    relabelChat(c);
    saveChats();
    if (!f.resumed || fresh) {
      selectChat(c.chatId, false);
    }
    if (!f.resumed) {
      announce(fmt(T.joined, { t: c.topic || T.noTopic }));
      c.input.focus();
    }
  }

  function chatView(chatId, topic, category) {
    if (chats[chatId]) { return chats[chatId]; }
    var n = ++chatCounter;
    var c = { chatId: chatId, n: n, topic: topic, category: category, lastSeq: 0, closed: false, pending: {}, typingTimer: null };
    c.tab = el('button', { type: 'button', role: 'tab', id: 'chat-tab-' + n, 'aria-controls': 'chat-panel-' + n,
      'aria-selected': 'false', tabindex: '-1' });
    c.tab.addEventListener('click', function () { selectChat(chatId, true); });
    c.tab.addEventListener('keydown', function (ev) { tabKeys(ev, chatId); });
    var panel = el('section', { role: 'tabpanel', id: 'chat-panel-' + n, 'aria-labelledby': 'chat-tab-' + n, 'class': 'chat', hidden: '' });
    c.panel = panel;
    c.info = el('p', { 'class': 'chat-info' });
    // the list keeps its list semantics inside the live region (a role on the <ol> itself would drop them)
    c.box = el('div', { 'class': 'logbox', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'chat-tab-' + n, tabindex: '0' });
    c.log = el('ol', { 'class': 'log', id: 'chat-log-' + n });
    c.box.appendChild(c.log);
    c.typing = el('p', { 'class': 'typing', 'aria-live': 'polite', id: 'chat-typing-' + n });
    c.filed = el('p', { 'class': 'filed', role: 'status', hidden: '' });
    c.form = el('form', { 'class': 'reply', novalidate: '' });
    c.replyLabel = el('label', { 'for': 'chat-input-' + n });
    c.input = el('textarea', { id: 'chat-input-' + n, rows: '2', maxlength: '2000' });
    c.sendButton = el('button', { type: 'submit' });
    c.form.appendChild(c.replyLabel);
    c.form.appendChild(c.input);
    c.form.appendChild(c.sendButton);
    c.form.addEventListener('submit', function (ev) { ev.preventDefault(); sendReply(c); });
    c.input.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' && !ev.shiftKey) { ev.preventDefault(); sendReply(c); }
    });
    c.input.addEventListener('input', function () {
      var now = Date.now();
      if (!c.lastTyping || now - c.lastTyping > 3000) { c.lastTyping = now; send({ type: 'typing', chatId: chatId }); }
    });

    var actions = el('div', { 'class': 'chat-actions' });
    c.endButton = el('button', { type: 'button', 'class': 'danger' });
    c.endButton.addEventListener('click', function () { send({ type: 'end', chatId: chatId }); });
    c.escalateButton = el('button', { type: 'button', 'class': 'secondary' });
    c.escalateButton.addEventListener('click', function () { c.escalateButton.disabled = true; send({ type: 'escalate', chatId: chatId }); });
    c.transferForm = el('form', { novalidate: '' });
    var qbox = el('div');
    c.queueLabel = el('label', { 'for': 'chat-queue-' + n });
    c.queue = el('select', { id: 'chat-queue-' + n });
    qbox.appendChild(c.queueLabel);
    qbox.appendChild(c.queue);
    c.transferButton = el('button', { type: 'submit', 'class': 'secondary' });
    c.transferForm.appendChild(qbox);
    c.transferForm.appendChild(c.transferButton);
    c.transferForm.addEventListener('submit', function (ev) {
      ev.preventDefault();
      c.transferredTo = c.queue.value;
      send({ type: 'transfer', chatId: chatId, queue: c.queue.value });
    });
    c.closeButton = el('button', { type: 'button', 'class': 'secondary', hidden: '' });
    c.closeButton.addEventListener('click', function () { closeChat(c); });
    actions.appendChild(c.endButton);
    actions.appendChild(c.escalateButton);
    actions.appendChild(c.transferForm);
    actions.appendChild(c.closeButton);

    panel.appendChild(c.info);
    panel.appendChild(c.box);
    panel.appendChild(c.typing);
    panel.appendChild(c.form);
    panel.appendChild(c.filed);
    panel.appendChild(actions);
    $('chat-tabs').appendChild(c.tab);
    $('chat-panels').appendChild(panel);
    chats[chatId] = c;
    relabelChat(c);
    if (Object.keys(chats).length === 1) { selectChat(chatId, false); }
    return c;
  }

  function relabelChat(c) {
    c.tab.textContent = fmt(T.chatTab, { t: c.topic || T.noTopic, i: c.n });
    c.info.textContent = (c.topic || T.noTopic) + (c.category && c.category !== c.topic ? ' (' + c.category + ')' : '');
    c.replyLabel.textContent = T.reply;
    c.sendButton.textContent = T.send;
    c.endButton.textContent = T.end;
    c.escalateButton.textContent = T.escalate;
    c.queueLabel.textContent = T.queue;
    c.transferButton.textContent = T.transfer;
    c.closeButton.textContent = T.close;
    var chosen = c.queue.value;
    c.queue.textContent = '';
    Object.keys(T.queues).forEach(function (q) { c.queue.appendChild(el('option', { value: q }, T.queues[q])); });
    if (chosen) { c.queue.value = chosen; }
    if (c.filedData) { showFiled(c); }
    Array.prototype.forEach.call(c.log.querySelectorAll('.meta[data-from]'), function (m) {
      m.textContent = who(m.getAttribute('data-from'), m.getAttribute('data-name')) + ' · ' + m.getAttribute('data-time');
    });
  }

  function selectChat(chatId, focus) {
    Object.keys(chats).forEach(function (id) {
      var c = chats[id];
      var on = id === chatId;
      c.tab.setAttribute('aria-selected', on ? 'true' : 'false');
      c.tab.setAttribute('tabindex', on ? '0' : '-1');
      c.panel.hidden = !on;
    });
    if (focus) { chats[chatId].tab.focus(); }
    markRead(chats[chatId]);
  }

  function tabKeys(ev, chatId) {
    var ids = Object.keys(chats);
    var i = ids.indexOf(chatId);
    var next = null;
    if (ev.key === 'ArrowRight') { next = ids[(i + 1) % ids.length]; }
    if (ev.key === 'ArrowLeft') { next = ids[(i - 1 + ids.length) % ids.length]; }
    if (ev.key === 'Home') { next = ids[0]; }
    if (ev.key === 'End') { next = ids[ids.length - 1]; }
    if (next) { ev.preventDefault(); selectChat(next, true); }
  }

  function who(from, name) {
    if (from === 'citizen') { return T.citizen; }
    if (from === 'agent') { return name || T.agent; }
    return T.system;
  }

  function onMessage(f) {
    var c = chats[f.chatId];
    if (!c || f.seq <= c.lastSeq) { return; }
    c.lastSeq = f.seq;
    if (f.cid) { dropPending(c, f.cid); }
    var name = f.data && f.data.name ? f.data.name : '';
    var time = f.at ? new Date(f.at).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' }) : '';
    var li = el('li', { 'class': 'from-' + f.from, 'data-seq': String(f.seq) });
    li.appendChild(el('span', { 'class': 'meta', 'data-from': f.from, 'data-name': name, 'data-time': time }, who(f.from, name) + ' · ' + time));
    li.appendChild(el('span', { 'class': 'text' }, f.text));
    c.log.appendChild(li);
    c.box.scrollTop = c.box.scrollHeight;
    if (f.from === 'citizen') {
      c.typing.textContent = '';
      send({ type: 'delivered', chatId: c.chatId, seq: f.seq });
      markRead(c);
      announce(fmt(T.newMessage, { w: who(f.from, name), t: f.text }));
    }
    if (f.kind === 'ended') {
      setClosed(c, T.ended);
    } else if (f.kind === 'transferred') {
      setClosed(c, fmt(T.transferred, { q: c.transferredTo || (f.data && f.data.queue) || '-' }));
    } else if (f.kind === 'case' && f.data && f.data.radicado) {
      c.filedData = f.data;
      showFiled(c);
    }
  }

  function markRead(c) {
    if (c && !c.panel.hidden && document.visibilityState === 'visible' && c.lastSeq > 0 && !c.closed) {
      send({ type: 'read', chatId: c.chatId, seq: c.lastSeq });
    }
  }
  document.addEventListener('visibilitychange', function () {
    Object.keys(chats).forEach(function (id) { markRead(chats[id]); });
  });

  function sendReply(c) {
    var text = c.input.value.trim();
    if (!text || c.closed) { return; }
    var cid = 'c' + Date.now().toString(36) + '-' + (++cidCounter);
    if (!send({ type: 'msg', chatId: c.chatId, cid: cid, text: text })) {
      setStatus(T.reconnecting);
      return;
    }
    var li = el('li', { 'class': 'from-agent pending', 'aria-hidden': 'true' });
    li.appendChild(el('span', { 'class': 'meta' }, T.sending));
    li.appendChild(el('span', { 'class': 'text' }, text));
    c.pending[cid] = li;
    c.log.appendChild(li);
    c.box.scrollTop = c.box.scrollHeight;
    c.input.value = '';
    c.input.focus();
  }

  function onAck(f) {
    var c = chats[f.chatId];
    if (c) { dropPending(c, f.cid); }
  }

  function dropPending(c, cid) {
    var li = c.pending[cid];
    if (li) {
      delete c.pending[cid];
      if (li.parentNode) { li.parentNode.removeChild(li); }
    }
  }

  function showTyping(chatId) {
    var c = chats[chatId];
    if (!c) { return; }
    c.typing.textContent = T.typing;
    clearTimeout(c.typingTimer);
    c.typingTimer = setTimeout(function () { c.typing.textContent = ''; }, 4000);
  }

  function onFiled(f) {
    var c = chats[f.chatId];
    if (!c) { return; }
    c.filedData = f;
    showFiled(c);
    c.escalateButton.disabled = true;
    announce(c.filed.textContent);
  }

  function showFiled(c) {
    var d = c.filedData;
    c.filed.textContent = fmt(T.filed, { r: d.radicado }) + (d.dueDate ? fmt(T.due, { d: d.dueDate }) : '');
    c.filed.hidden = false;
    c.escalateButton.disabled = true;
  }

  function setClosed(c, text) {
    c.closed = true;
    c.typing.textContent = text;
    [c.input, c.sendButton, c.endButton, c.escalateButton, c.queue, c.transferButton].forEach(function (e) { e.disabled = true; });
    c.closeButton.hidden = false;
    saveChats();
    if (c.panel.contains(document.activeElement) || document.activeElement === document.body) { c.closeButton.focus(); }
  }

  function closeChat(c) {
    delete chats[c.chatId];
    c.tab.parentNode.removeChild(c.tab);
    c.panel.parentNode.removeChild(c.panel);
    saveChats();
    var rest = Object.keys(chats);
    if (rest.length) { selectChat(rest[0], true); } else { $('agent-title').setAttribute('tabindex', '-1'); $('agent-title').focus(); }
  }

  /* ---------- start ---------- */

  applyLang();
  if (token) {
    api('GET', 'me').then(function (r) {
      if (r.status === 401) { signedOut(T.expired); return null; }
      if (!r.ok) { throw new Error(String(r.status)); }
      return r.json();
    }).then(function (user) { if (user) { signedIn(user); } })
      .catch(function (e) { setStatus(fmt(T.failed, { e: e.message })); });
  } else {
    $('username').focus();
  }
}());
