/*
 * Planbot chat-widget – a small, dependency-free (apart from socket.io-client)
 * chat widget for the Rasa 3.6 socketio channel.
 *
 * Embed:
 *   <script src="/dist/planbot-widget.js" data-server="http://localhost:5005"
 *           data-title="Spørg om beskæftigelsesplanen" defer></script>
 * or call window.PlanbotWidget.init({ server: "...", title: "..." }).
 *
 * Security rule: message content (bot AND user) is only ever put into the
 * DOM as text (textContent / createTextNode). Links are built with
 * createElement("a") and only for http(s) URLs. No innerHTML anywhere.
 */
import { io } from "socket.io-client";
import css from "./widget.css";

const VERSION = "1.0.0";
const STORAGE_VERSION = 1;
const MAX_STORED_MESSAGES = 200;
const MAX_MESSAGE_LENGTH = 1000;
const TYPING_TIMEOUT_MS = 45000;
// Keep in sync with the full-screen @media rule in widget.css.
const FULLSCREEN_QUERY = "(max-width: 480px)";

const TEXTS = {
  launcher: "Spørg assistenten",
  title: "Spørg om beskæftigelsesplanen",
  subtitle: "Du chatter med en automatisk assistent",
  send: "Send",
  close: "Luk",
  reset: "Ny samtale",
  inputLabel: "Skriv dit spørgsmål",
  placeholder: "Skriv dit spørgsmål her …",
  typing: "Assistenten skriver …",
  disconnected: "Forbindelsen til assistenten er afbrudt. Prøver igen …",
  privacy: "Skriv ikke personlige oplysninger som cpr-nummer.",
  logLabel: "Samtale med assistenten",
  you: "Du skrev:",
  bot: "Assistenten skrev:",
  choices: "Svarmuligheder",
  newWindow: "(åbner i nyt vindue)",
  imageAlt: "Billede fra assistenten",
};

const DEFAULTS = {
  server: "http://localhost:5005",
  path: null, // default: <server path>/socket.io
  title: TEXTS.title,
  subtitle: TEXTS.subtitle,
  launcherText: TEXTS.launcher,
  greeting: "",
  color: "#00558c",
  position: "right",
  open: false,
  initialPayload: "",
  transports: ["websocket", "polling"],
  storageKey: null,
  userMessageEvent: "user_uttered",
  botMessageEvent: "bot_uttered",
};

/* ------------------------------------------------------------------ */
/* Colour helpers (WCAG 2.x relative luminance / contrast ratio)       */
/* ------------------------------------------------------------------ */

function parseColor(value) {
  if (typeof value !== "string") return null;
  let v = value.trim();
  const m3 = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(v);
  if (m3) v = "#" + m3[1] + m3[1] + m3[2] + m3[2] + m3[3] + m3[3];
  const m6 = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(v);
  if (m6) return [parseInt(m6[1], 16), parseInt(m6[2], 16), parseInt(m6[3], 16)];
  const mr = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/i.exec(v);
  if (mr) return [Number(mr[1]), Number(mr[2]), Number(mr[3])].map((n) => Math.min(255, n));
  return null;
}

function luminance(rgb) {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

function toHex(rgb) {
  return "#" + rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("");
}

/** Darken `rgb` towards black until it reaches `ratio` against `bg`. */
function ensureContrast(rgb, bg, ratio) {
  let c = rgb.slice();
  for (let i = 0; i < 40 && contrast(c, bg) < ratio; i++) {
    c = c.map((x) => x * 0.92);
  }
  return c;
}

export function buildPalette(color) {
  const WHITE = [255, 255, 255];
  const DARK = [17, 17, 17];
  let primary = parseColor(color) || parseColor(DEFAULTS.color);
  // Text placed on the primary colour: whichever of white/dark contrasts best.
  let onPrimary = contrast(primary, WHITE) >= contrast(primary, DARK) ? WHITE : DARK;
  if (contrast(primary, onPrimary) < 4.5) {
    // A mid-tone colour where neither works: darken it so white text passes.
    primary = ensureContrast(primary, WHITE, 4.5);
    onPrimary = WHITE;
  }
  // The colour used as text/border on white (links, quick-reply buttons, focus ring).
  // #f4f6f8 is the log background, the darkest surface such text sits on.
  const accent = ensureContrast(parseColor(toHex(primary)), [244, 246, 248], 4.5);
  return {
    primary: toHex(primary),
    onPrimary: toHex(onPrimary),
    accent: toHex(accent),
  };
}

/* ------------------------------------------------------------------ */
/* Small DOM helpers – never innerHTML                                 */
/* ------------------------------------------------------------------ */

function el(tag, attrs, children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "className") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const child of children || []) {
    if (child === null || child === undefined) continue;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function svgIcon(kind) {
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("width", "20");
  svg.setAttribute("height", "20");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = document.createElementNS(NS, "path");
  path.setAttribute("fill", "none");
  path.setAttribute("stroke", "currentColor");
  path.setAttribute("stroke-width", "2");
  path.setAttribute("stroke-linecap", "round");
  path.setAttribute("stroke-linejoin", "round");
  if (kind === "close") path.setAttribute("d", "M6 6l12 12M18 6L6 18");
  else if (kind === "send") path.setAttribute("d", "M4 12l16-8-6 16-2-7-8-1z");
  else path.setAttribute("d", "M4 5h16v11H9l-5 4V5z M8 9h8 M8 12h5");
  svg.appendChild(path);
  return svg;
}

const URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;

function cleanUrl(raw) {
  let url = raw;
  // Trailing punctuation is almost never part of the URL in running text.
  for (;;) {
    const last = url.slice(-1);
    if (/[.,;:!?'"»]/.test(last)) {
      url = url.slice(0, -1);
    } else if (last === ")" && (url.match(/\(/g) || []).length < (url.match(/\)/g) || []).length) {
      url = url.slice(0, -1);
    } else if (last === "]" && !url.includes("[")) {
      url = url.slice(0, -1);
    } else {
      break;
    }
  }
  return url;
}

function safeHttpUrl(candidate) {
  try {
    const u = new URL(candidate);
    if (u.protocol === "http:" || u.protocol === "https:") return u.href;
  } catch (e) {
    /* not a URL */
  }
  return null;
}

/** Append `text` to `parent` as text nodes, turning http(s) URLs into links. */
export function appendLinkifiedText(parent, text, newWindowText) {
  const s = String(text);
  let pos = 0;
  URL_RE.lastIndex = 0;
  let m;
  while ((m = URL_RE.exec(s)) !== null) {
    const url = cleanUrl(m[0]);
    const href = safeHttpUrl(url);
    if (!href) continue;
    if (m.index > pos) parent.appendChild(document.createTextNode(s.slice(pos, m.index)));
    const a = document.createElement("a");
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = url;
    if (newWindowText) a.appendChild(el("span", { className: "pb-sr", text: " " + newWindowText }));
    parent.appendChild(a);
    pos = m.index + url.length;
    URL_RE.lastIndex = pos;
  }
  if (pos < s.length) parent.appendChild(document.createTextNode(s.slice(pos)));
}

/* ------------------------------------------------------------------ */
/* Storage                                                             */
/* ------------------------------------------------------------------ */

const memoryStore = {};

function storageGet(key) {
  try {
    return window.localStorage.getItem(key);
  } catch (e) {
    return memoryStore[key] || null;
  }
}

function storageSet(key, value) {
  try {
    window.localStorage.setItem(key, value);
  } catch (e) {
    memoryStore[key] = value;
  }
}

function storageRemove(key) {
  try {
    window.localStorage.removeItem(key);
  } catch (e) {
    /* ignore */
  }
  delete memoryStore[key];
}

function tabId() {
  // sessionStorage survives navigation within one tab, so one tab keeps its id
  // across pages; other tabs get their own.
  try {
    let id = window.sessionStorage.getItem("planbot:tab");
    if (!id) {
      id = randomId();
      window.sessionStorage.setItem("planbot:tab", id);
    }
    return id;
  } catch (e) {
    return randomId();
  }
}

function randomId() {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
}

function emptyState() {
  return {
    v: STORAGE_VERSION,
    sessionId: null,
    messages: [],
    open: false,
    awaitingReply: false,
    awaitingSince: 0,
    lastSenderTab: null,
    greeted: false,
  };
}

/* ------------------------------------------------------------------ */
/* Options                                                             */
/* ------------------------------------------------------------------ */

function normaliseOptions(raw) {
  const o = Object.assign({}, DEFAULTS);
  for (const [k, v] of Object.entries(raw || {})) {
    if (v !== undefined && v !== null && v !== "") o[k] = v;
  }
  if (typeof o.transports === "string") {
    o.transports = o.transports.split(",").map((t) => t.trim()).filter(Boolean);
  }
  if (typeof o.open === "string") o.open = o.open === "true";
  o.position = o.position === "left" ? "left" : "right";
  let server;
  try {
    server = new URL(String(o.server), window.location.href);
  } catch (e) {
    server = new URL(DEFAULTS.server);
  }
  o.serverOrigin = server.origin;
  const basePath = server.pathname.replace(/\/+$/, "");
  o.socketPath = o.path || basePath + "/socket.io";
  o.storageKey = o.storageKey || "planbot:v1:" + server.origin + o.socketPath;
  return o;
}

function optionsFromScript(script) {
  if (!script) return {};
  const d = script.dataset || {};
  return {
    server: d.server,
    path: d.path,
    title: d.title,
    subtitle: d.subtitle,
    launcherText: d.launcherText,
    greeting: d.greeting,
    color: d.color,
    position: d.position,
    open: d.open,
    initialPayload: d.initialPayload,
    transports: d.transports,
    storageKey: d.storageKey,
  };
}

/* ------------------------------------------------------------------ */
/* The widget                                                          */
/* ------------------------------------------------------------------ */

class PlanbotWidget {
  constructor(options) {
    this.o = normaliseOptions(options);
    this.tab = tabId();
    this.socket = null;
    this.ready = false; // session confirmed
    this.confirmedSession = null; // the session this socket has joined
    this.queue = [];
    this.rendered = []; // ids of rendered messages, in order
    this.typingTimer = null;
    this.state = this.load();
    this.onStorage = this.onStorage.bind(this);
    this.build();
    // Nothing is written to localStorage before the user opens the chat.
    if (!this.state.greeted && this.o.greeting && this.state.messages.length === 0) {
      this.state.messages.push({ id: randomId(), from: "bot", text: this.o.greeting });
      this.state.greeted = true;
    }
    this.renderAll();
    document.body.appendChild(this.host);
    window.addEventListener("storage", this.onStorage);
    // An answer may still be on its way when the user moved to this page.
    const waiting = this.state.awaitingReply && Date.now() - (this.state.awaitingSince || 0) < TYPING_TIMEOUT_MS;
    if (!waiting && this.state.awaitingReply) this.state.awaitingReply = false;
    if (this.state.open || this.o.open) this.open(false);
    else if (waiting) this.connect();
    if (waiting) this.setTyping(true);
  }

  /* ---------- persistence ---------- */

  load() {
    const raw = storageGet(this.o.storageKey);
    if (!raw) return emptyState();
    try {
      const s = JSON.parse(raw);
      if (!s || s.v !== STORAGE_VERSION || !Array.isArray(s.messages)) return emptyState();
      return Object.assign(emptyState(), s);
    } catch (e) {
      return emptyState();
    }
  }

  save() {
    if (this.state.messages.length > MAX_STORED_MESSAGES) {
      this.state.messages = this.state.messages.slice(-MAX_STORED_MESSAGES);
    }
    storageSet(this.o.storageKey, JSON.stringify(this.state));
  }

  /** Re-read storage (another tab or page may have written) and merge. */
  refresh() {
    const fresh = this.load();
    const open = this.state.open;
    this.state = fresh;
    this.state.open = open;
  }

  onStorage(ev) {
    if (ev.key !== this.o.storageKey) return;
    const open = this.state.open;
    this.state = this.load();
    this.state.open = open;
    this.renderAll(true);
    if (!this.state.awaitingReply) this.setTyping(false);
    // "Ny samtale" in another tab: join the new session once it is known.
    if (this.state.sessionId && this.state.sessionId !== this.confirmedSession) this.requestSession();
  }

  /* ---------- DOM ---------- */

  build() {
    const o = this.o;
    const pal = buildPalette(o.color);
    const uid = "planbot-" + Math.random().toString(36).slice(2, 8);
    this.ids = {
      panel: uid + "-panel",
      title: uid + "-title",
      input: uid + "-input",
      privacy: uid + "-privacy",
    };

    this.host = el("div", { id: "planbot-widget", "data-planbot-version": VERSION });
    const root = this.host.attachShadow ? this.host.attachShadow({ mode: "open" }) : this.host;
    this.root = root;

    const wrap = el("div", { className: "pb-wrap pb-pos-" + o.position });
    wrap.style.setProperty("--pb-primary", pal.primary);
    wrap.style.setProperty("--pb-on-primary", pal.onPrimary);
    wrap.style.setProperty("--pb-accent", pal.accent);

    this.launcher = el(
      "button",
      {
        type: "button",
        className: "pb-launcher",
        "aria-expanded": "false",
        "aria-controls": this.ids.panel,
      },
      [svgIcon("chat"), el("span", { className: "pb-launcher-text", text: o.launcherText })]
    );
    this.launcher.addEventListener("click", () => (this.isOpen() ? this.close() : this.open()));

    this.resetBtn = el("button", { type: "button", className: "pb-reset", text: TEXTS.reset });
    this.resetBtn.addEventListener("click", () => this.reset());
    this.closeBtn = el("button", { type: "button", className: "pb-close", title: TEXTS.close }, [
      svgIcon("close"),
      el("span", { className: "pb-sr", text: TEXTS.close }),
    ]);
    this.closeBtn.addEventListener("click", () => this.close());

    const header = el("div", { className: "pb-header" }, [
      el("div", { className: "pb-heading" }, [
        el("h2", { id: this.ids.title, className: "pb-title", text: o.title }),
        o.subtitle ? el("p", { className: "pb-subtitle", text: o.subtitle }) : null,
      ]),
      el("div", { className: "pb-actions" }, [this.resetBtn, this.closeBtn]),
    ]);

    this.status = el("div", { className: "pb-status", role: "status" });
    this.log = el("div", {
      className: "pb-log",
      role: "log",
      "aria-live": "polite",
      "aria-label": TEXTS.logLabel,
      tabindex: "0",
    });
    this.typing = el("div", { className: "pb-typing", role: "status", "aria-live": "polite" });

    this.input = el("input", {
      id: this.ids.input,
      className: "pb-input",
      type: "text",
      autocomplete: "off",
      maxlength: String(MAX_MESSAGE_LENGTH),
      placeholder: TEXTS.placeholder,
      "aria-describedby": this.ids.privacy,
    });
    this.sendBtn = el("button", { type: "submit", className: "pb-send" }, [
      el("span", { text: TEXTS.send }),
    ]);
    this.form = el("form", { className: "pb-form", novalidate: true }, [
      el("label", { for: this.ids.input, className: "pb-sr", text: TEXTS.inputLabel }),
      el("div", { className: "pb-row" }, [this.input, this.sendBtn]),
      el("p", { id: this.ids.privacy, className: "pb-privacy", text: TEXTS.privacy }),
    ]);
    this.form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const text = this.input.value.trim();
      if (!text) {
        this.input.focus();
        return;
      }
      this.input.value = "";
      this.sendMessage(text, text);
      this.input.focus();
    });

    this.panel = el(
      "div",
      {
        id: this.ids.panel,
        className: "pb-panel",
        role: "dialog",
        "aria-label": o.title,
        "aria-modal": "false",
        hidden: true,
      },
      [header, this.status, this.log, this.typing, this.form]
    );
    this.panel.addEventListener("keydown", (ev) => {
      if (ev.key === "Escape" || ev.key === "Esc") {
        ev.preventDefault();
        ev.stopPropagation();
        this.close();
      } else if (ev.key === "Tab" && this.isFullscreen()) {
        this.trapTab(ev);
      }
    });
    this.mql = window.matchMedia ? window.matchMedia(FULLSCREEN_QUERY) : null;
    this.onMediaChange = () => this.updateModal();
    if (this.mql && this.mql.addEventListener) this.mql.addEventListener("change", this.onMediaChange);

    wrap.appendChild(this.launcher);
    wrap.appendChild(this.panel);
    // A constructed stylesheet is not "inline style" for a Content-Security-Policy,
    // so the widget also works on sites without style-src 'unsafe-inline'.
    let adopted = false;
    try {
      if (this.host.shadowRoot && "adoptedStyleSheets" in root && "replaceSync" in CSSStyleSheet.prototype) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [sheet];
        adopted = true;
      }
    } catch (e) {
      adopted = false;
    }
    if (!adopted) root.appendChild(el("style", { text: css }));
    root.appendChild(wrap);
    this.wrap = wrap;
  }

  renderMessage(msg) {
    const mine = msg.from === "user";
    const row = el("div", {
      className: "pb-msg " + (mine ? "pb-user" : "pb-bot"),
      "data-id": msg.id,
      "data-from": msg.from,
    });
    const bubble = el("div", { className: "pb-bubble" }, [
      el("span", { className: "pb-sr", text: (mine ? TEXTS.you : TEXTS.bot) + " " }),
    ]);
    if (msg.text) {
      const body = el("span", { className: "pb-text" });
      if (mine) body.textContent = msg.text;
      else appendLinkifiedText(body, msg.text, TEXTS.newWindow);
      bubble.appendChild(body);
    }
    if (msg.image) {
      const src = safeHttpUrl(msg.image);
      if (src) {
        const img = el("img", { className: "pb-image", alt: TEXTS.imageAlt, loading: "lazy" });
        img.src = src;
        bubble.appendChild(img);
      }
    }
    row.appendChild(bubble);
    return row;
  }

  renderButtons(msg) {
    const group = el("div", {
      className: "pb-buttons",
      role: "group",
      "aria-label": TEXTS.choices,
      "data-for": msg.id,
    });
    for (const b of msg.buttons) {
      const btn = el("button", { type: "button", className: "pb-choice", text: b.title });
      btn.addEventListener("click", () => {
        this.sendMessage(b.payload, b.title);
        this.input.focus();
      });
      group.appendChild(btn);
    }
    return group;
  }

  /** Render the whole log, or only what is missing when `incremental`. */
  renderAll(incremental) {
    const ids = this.state.messages.map((m) => m.id);
    const isPrefix = this.rendered.every((id, i) => ids[i] === id);
    let start = 0;
    if (incremental && isPrefix) {
      start = this.rendered.length;
    } else {
      while (this.log.firstChild) this.log.removeChild(this.log.firstChild);
      this.rendered = [];
    }
    for (let i = start; i < this.state.messages.length; i++) {
      this.appendRendered(this.state.messages[i]);
    }
    this.updateButtons();
    this.scrollToEnd();
  }

  appendRendered(msg) {
    this.log.appendChild(this.renderMessage(msg));
    this.rendered.push(msg.id);
  }

  /** Quick replies are only offered after the latest user message. */
  updateButtons() {
    for (const g of Array.from(this.log.querySelectorAll(".pb-buttons"))) g.remove();
    const msgs = this.state.messages;
    let lastUser = -1;
    for (let i = 0; i < msgs.length; i++) if (msgs[i].from === "user") lastUser = i;
    for (let i = lastUser + 1; i < msgs.length; i++) {
      const m = msgs[i];
      if (m.from !== "bot" || !m.buttons || !m.buttons.length) continue;
      const row = this.log.querySelector('.pb-msg[data-id="' + cssEscape(m.id) + '"]');
      if (row) row.appendChild(this.renderButtons(m));
    }
  }

  scrollToEnd() {
    this.log.scrollTop = this.log.scrollHeight;
  }

  addMessage(msg) {
    this.state.messages.push(msg);
    this.save();
    this.appendRendered(msg);
    this.updateButtons();
    this.scrollToEnd();
  }

  setTyping(on) {
    clearTimeout(this.typingTimer);
    while (this.typing.firstChild) this.typing.removeChild(this.typing.firstChild);
    this.typing.classList.toggle("pb-on", !!on);
    if (on) {
      this.typing.appendChild(
        el("span", { className: "pb-dots", "aria-hidden": "true" }, [el("span"), el("span"), el("span")])
      );
      this.typing.appendChild(el("span", { className: "pb-typing-text", text: TEXTS.typing }));
      this.typingTimer = setTimeout(() => this.setTyping(false), TYPING_TIMEOUT_MS);
    }
  }

  setDisconnected(on) {
    while (this.status.firstChild) this.status.removeChild(this.status.firstChild);
    this.status.classList.toggle("pb-on", !!on);
    if (on) this.status.appendChild(document.createTextNode(TEXTS.disconnected));
  }

  /* ---------- open / close ---------- */

  isOpen() {
    return !this.panel.hidden;
  }

  /** On small screens the panel covers the page: it is then a modal dialog. */
  isFullscreen() {
    return !!(this.mql && this.mql.matches);
  }

  updateModal() {
    this.panel.setAttribute("aria-modal", this.isFullscreen() ? "true" : "false");
  }

  trapTab(ev) {
    const items = Array.from(
      this.panel.querySelectorAll("button, input, a[href], [tabindex='0']")
    ).filter((n) => !n.disabled && n.getClientRects().length);
    if (!items.length) return;
    const first = items[0];
    const last = items[items.length - 1];
    const active = this.root.activeElement;
    if (ev.shiftKey && active === first) {
      ev.preventDefault();
      last.focus();
    } else if (!ev.shiftKey && active === last) {
      ev.preventDefault();
      first.focus();
    }
  }

  open(focus = true) {
    this.updateModal();
    this.panel.hidden = false;
    this.wrap.classList.add("pb-open");
    this.launcher.setAttribute("aria-expanded", "true");
    if (!this.state.open) {
      this.state.open = true;
      this.save();
    }
    this.connect();
    this.scrollToEnd();
    if (focus) this.input.focus();
  }

  close() {
    this.panel.hidden = true;
    this.wrap.classList.remove("pb-open");
    this.launcher.setAttribute("aria-expanded", "false");
    this.refresh();
    this.state.open = false;
    this.save();
    this.launcher.focus();
  }

  /* ---------- socket ---------- */

  connect() {
    if (this.socket) return;
    const o = this.o;
    const socket = io(o.serverOrigin, {
      path: o.socketPath,
      transports: o.transports,
      tryAllTransports: true,
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 8000,
      timeout: 10000,
    });
    this.socket = socket;

    socket.on("connect", () => {
      this.setDisconnected(false);
      this.requestSession();
    });

    socket.on("session_confirm", (data) => {
      const id = typeof data === "string" ? data : data && data.session_id;
      if (!id) return;
      this.refresh();
      const isNew = !this.state.sessionId;
      this.state.sessionId = String(id);
      this.save();
      this.confirmedSession = this.state.sessionId;
      this.ready = true;
      if (isNew && o.initialPayload && !this.state.messages.some((m) => m.from === "user")) {
        this.emitMessage(o.initialPayload);
      }
      const q = this.queue;
      this.queue = [];
      for (const text of q) this.emitMessage(text);
    });

    socket.on(o.botMessageEvent, (data) => this.onBotMessage(data));

    socket.on("disconnect", (reason) => {
      this.ready = false;
      if (reason !== "io client disconnect") this.setDisconnected(true);
    });

    socket.on("connect_error", () => {
      this.ready = false;
      this.setDisconnected(true);
      // When the server refused the connection socket.io does not retry by itself.
      if (!socket.active) {
        setTimeout(() => {
          if (this.socket === socket) socket.connect();
        }, 5000);
      }
    });
  }

  /** Ask the server to (re)join the stored session, or to start a new one. */
  requestSession() {
    this.ready = false;
    this.confirmedSession = null;
    if (!this.socket || !this.socket.connected) return;
    this.refresh();
    this.socket.emit("session_request", { session_id: this.state.sessionId || null });
  }

  disconnect() {
    if (this.socket) {
      this.socket.removeAllListeners();
      this.socket.disconnect();
    }
    this.socket = null;
    this.ready = false;
    this.confirmedSession = null;
  }

  emitMessage(text) {
    this.socket.emit(this.o.userMessageEvent, {
      message: text,
      session_id: this.state.sessionId,
    });
  }

  sendMessage(payload, displayText) {
    const text = String(payload).slice(0, MAX_MESSAGE_LENGTH);
    if (!text.trim()) return;
    this.refresh();
    this.state.awaitingReply = true;
    this.state.awaitingSince = Date.now();
    this.state.lastSenderTab = this.tab;
    this.addMessage({ id: randomId(), from: "user", text: String(displayText).slice(0, MAX_MESSAGE_LENGTH) });
    this.setTyping(true);
    this.connect();
    const sameSession = this.state.sessionId && this.state.sessionId === this.confirmedSession;
    if (this.ready && sameSession && this.socket && this.socket.connected) {
      this.emitMessage(text);
    } else {
      this.queue.push(text);
      if (this.ready && !sameSession) this.requestSession();
    }
  }

  onBotMessage(data) {
    if (!data || typeof data !== "object") return;
    this.refresh();
    // Several tabs of the same conversation all receive the answer; only the
    // tab that asked records it, the others pick it up via the storage event.
    if (this.state.lastSenderTab && this.state.lastSenderTab !== this.tab) return;
    const msg = { id: randomId(), from: "bot" };
    if (typeof data.text === "string" && data.text.trim()) msg.text = data.text;
    const rawButtons = Array.isArray(data.quick_replies) && data.quick_replies.length
      ? data.quick_replies
      : Array.isArray(data.buttons)
        ? data.buttons
        : [];
    const buttons = rawButtons
      .filter((b) => b && (b.title || b.payload))
      .map((b) => ({ title: String(b.title || b.payload), payload: String(b.payload || b.title) }));
    if (buttons.length) msg.buttons = buttons;
    const att = data.attachment;
    if (att && typeof att === "object" && att.type === "image" && att.payload && att.payload.src) {
      msg.image = String(att.payload.src);
    } else if (typeof att === "string" && /^https?:/i.test(att)) {
      msg.image = att;
    }
    if (data.custom && typeof data.custom === "object" && !msg.text && typeof data.custom.text === "string") {
      msg.text = data.custom.text;
    }
    if (!msg.text && !msg.buttons && !msg.image) return;
    if (msg.buttons && !msg.text) msg.text = "";
    this.state.awaitingReply = false;
    this.setTyping(false);
    this.addMessage(msg);
  }

  /* ---------- public API ---------- */

  reset() {
    this.disconnect();
    this.setTyping(false);
    this.setDisconnected(false);
    this.queue = [];
    storageRemove(this.o.storageKey);
    this.state = emptyState();
    this.state.open = this.isOpen();
    if (this.o.greeting) {
      this.state.messages.push({ id: randomId(), from: "bot", text: this.o.greeting });
      this.state.greeted = true;
    }
    this.save();
    this.renderAll();
    if (this.isOpen()) {
      this.connect();
      this.input.focus();
    }
  }

  destroy() {
    this.disconnect();
    clearTimeout(this.typingTimer);
    window.removeEventListener("storage", this.onStorage);
    if (this.mql && this.mql.removeEventListener) this.mql.removeEventListener("change", this.onMediaChange);
    this.host.remove();
  }
}

function cssEscape(s) {
  return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/[^a-zA-Z0-9_-]/g, "\\$&");
}

/* ------------------------------------------------------------------ */
/* Bootstrapping                                                       */
/* ------------------------------------------------------------------ */

let instance = null;
let pendingOptions = null;
const currentScript =
  document.currentScript || document.querySelector('script[src*="planbot-widget"]');

function whenBodyReady(fn) {
  if (document.body) fn();
  else document.addEventListener("DOMContentLoaded", fn, { once: true });
}

const api = {
  version: VERSION,
  /** Create (or re-create) the widget. Resolves when it is on the page. */
  init(options) {
    if (instance) instance.destroy();
    instance = null;
    pendingOptions = options || {};
    return new Promise((resolve) => {
      whenBodyReady(() => {
        if (pendingOptions) {
          instance = new PlanbotWidget(pendingOptions);
          pendingOptions = null;
        }
        resolve(api);
      });
    });
  },
  open: () => instance && instance.open(),
  close: () => instance && instance.close(),
  reset: () => instance && instance.reset(),
  destroy() {
    if (instance) instance.destroy();
    instance = null;
  },
  get instance() {
    return instance;
  },
};

if (!window.PlanbotWidget) {
  window.PlanbotWidget = api;
  if (currentScript && currentScript.dataset.autoInit !== "false") {
    api.init(optionsFromScript(currentScript));
  }
}
