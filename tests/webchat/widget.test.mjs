// Browser test for the planbot chat widget (webchat/).
//
//   node --test tests/webchat/
//
// Drives Debian's headless Chromium (/usr/bin/chromium) with playwright-core
// (installed in webchat/node_modules; never `npx playwright install`).
//
// Environment:
//   PLANBOT_DEMO_URL     demo site (webchat/serve.py)       default http://localhost:8080
//   PLANBOT_RASA_URL     Rasa server (socketio channel)     default http://localhost:5005
//   PLANBOT_STUB=1       the server is tests/webchat/stub_server.py (stricter checks,
//                        the bot-side XSS check uses the stub's echo)
//   PLANBOT_SCREENSHOTS=1  write webchat/screenshots/{desktop,mobile}.png
//   PLANBOT_BOT_TIMEOUT_MS  how long to wait for an answer (default 60000)
//   PLANBOT_CHROMIUM     browser binary (default /usr/bin/chromium)

import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import fs from "node:fs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, "..", "..");
const WEBCHAT = path.join(REPO, "webchat");
const require = createRequire(path.join(WEBCHAT, "package.json"));
const { chromium } = require("playwright-core");

const DEFAULT_RASA = "http://localhost:5005";
const DEMO = (process.env.PLANBOT_DEMO_URL || "http://localhost:8080").replace(/\/+$/, "");
const RASA = (process.env.PLANBOT_RASA_URL || DEFAULT_RASA).replace(/\/+$/, "");
const STUB = process.env.PLANBOT_STUB === "1";
const SHOTS = process.env.PLANBOT_SCREENSHOTS === "1";
const BOT_TIMEOUT = Number(process.env.PLANBOT_BOT_TIMEOUT_MS || 60000);
const CHROMIUM = process.env.PLANBOT_CHROMIUM || "/usr/bin/chromium";

const XSS = "<script>window.__xss=1</script><b>fed</b>";
const Q1 = "Hvilke mål har Norddjurs?";
const Q2 = "Og hvad med Morsø?";

const NO_ANSWER_HINT =
  "No bot_uttered arrived. Is Rasa running with the socketio channel? With python-socketio >= 5.10, " +
  "Rasa 3.6's channel never joins the session room when session_persistence is true " +
  "(sio.enter_room is not awaited), so answers are dropped - see webchat/README.md.";

let browser;

async function newPage(viewport = { width: 1280, height: 800 }, contextOptions = {}) {
  const context = await browser.newContext({ viewport, locale: "da-DK", ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  // The demo pages have a strict Content-Security-Policy: the widget must not trip it.
  page.on("console", (msg) => {
    if (/Content.Security.Policy/i.test(msg.text())) errors.push("CSP: " + msg.text());
  });
  if (RASA !== DEFAULT_RASA) {
    // Point the demo pages' embed snippet (and their CSP) at the Rasa server under test.
    const from = new URL(DEFAULT_RASA);
    const to = new URL(RASA);
    const wsOf = (u) => (u.protocol === "https:" ? "wss://" : "ws://") + u.host;
    await page.route(/\.html$|\/$/, async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const res = await route.fetch();
      const body = (await res.text()).replaceAll(`data-server="${DEFAULT_RASA}"`, `data-server="${RASA}"`);
      const headers = { ...res.headers() };
      if (headers["content-security-policy"]) {
        headers["content-security-policy"] = headers["content-security-policy"]
          .replaceAll(from.origin, to.origin)
          .replaceAll(wsOf(from), wsOf(to));
      }
      await route.fulfill({ response: res, body, headers });
    });
  }
  return { context, page, errors };
}

// ---------- widget helpers (Playwright CSS locators pierce the open shadow root) ----------

const W = {
  launcher: (p) => p.locator(".pb-launcher"),
  panel: (p) => p.locator(".pb-panel"),
  input: (p) => p.locator(".pb-input"),
  bot: (p) => p.locator(".pb-log .pb-msg.pb-bot"),
  user: (p) => p.locator(".pb-log .pb-msg.pb-user"),
  msgs: (p) => p.locator(".pb-log .pb-msg"),
  choices: (p) => p.locator(".pb-log .pb-buttons button"),
};

async function activeInWidget(page) {
  return page.evaluate(() => {
    const host = document.getElementById("planbot-widget");
    if (!host || document.activeElement !== host) return null;
    const a = host.shadowRoot.activeElement;
    return a ? a.className || a.tagName : null;
  });
}

async function messageTexts(page) {
  return W.msgs(page).evaluateAll((rows) =>
    rows.map((r) => r.getAttribute("data-from") + ": " + r.querySelector(".pb-bubble").textContent)
  );
}

async function storedState(page) {
  return page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith("planbot:v1:")) return { key: k, state: JSON.parse(localStorage.getItem(k)) };
    }
    return null;
  });
}

/** Wait until more than `before` bot messages exist and no new one came for `quietMs`. */
async function waitForBotAnswer(page, before, quietMs = 1200) {
  try {
    await page.waitForFunction(
      (n) => {
        const host = document.getElementById("planbot-widget");
        return host.shadowRoot.querySelectorAll(".pb-log .pb-msg.pb-bot").length > n;
      },
      before,
      { timeout: BOT_TIMEOUT }
    );
  } catch (e) {
    throw new Error(NO_ANSWER_HINT + "\n" + e.message);
  }
  let count = await W.bot(page).count();
  for (;;) {
    await page.waitForTimeout(quietMs);
    const now = await W.bot(page).count();
    if (now === count) break;
    count = now;
  }
  const texts = await W.bot(page).evaluateAll((rows, n) =>
    rows.slice(n).map((r) => (r.querySelector(".pb-text") || { textContent: "" }).textContent), before);
  return texts.join("\n").trim();
}

async function ask(page, text, { viaEnter = true } = {}) {
  const before = await W.bot(page).count();
  await W.input(page).fill(text);
  if (viaEnter) await W.input(page).press("Enter");
  else await page.locator(".pb-send").click();
  await assert.doesNotReject(
    W.user(page).last().filter({ hasText: text }).waitFor({ timeout: 5000 }),
    "the user's own message should be shown"
  );
  return waitForBotAnswer(page, before);
}

// ---------- colour contrast (WCAG 2.x) ----------

async function contrastReport(page) {
  return page.evaluate(() => {
    const root = document.getElementById("planbot-widget").shadowRoot;
    const parse = (c) => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { rgb: p.slice(0, 3), a: p.length > 3 ? p[3] : 1 };
    };
    const lum = (rgb) => {
      const [r, g, b] = rgb.map((v) => {
        v /= 255;
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const bgOf = (node) => {
      for (let n = node; n; n = n.parentElement || (n.getRootNode() && n.getRootNode().host)) {
        if (!(n instanceof Element)) break;
        const c = parse(getComputedStyle(n).backgroundColor);
        if (c && c.a > 0.5) return c.rgb;
      }
      return [255, 255, 255];
    };
    const out = [];
    const sel = ".pb-title, .pb-subtitle, .pb-reset, .pb-launcher-text, .pb-status.pb-on, .pb-text, " +
      ".pb-choice, .pb-send span, .pb-privacy, .pb-typing-text, .pb-bubble a";
    for (const node of root.querySelectorAll(sel)) {
      if (!node.getClientRects().length) continue;
      const fg = parse(getComputedStyle(node).color).rgb;
      out.push({ cls: node.className || node.tagName, text: node.textContent.slice(0, 30), ratio: ratio(fg, bgOf(node)) });
    }
    return out;
  });
}

// ======================================================================

describe("planbot widget", { concurrency: false }, () => {
  let ctx;
  let page;
  let errors;

  before(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    ({ context: ctx, page, errors } = await newPage());
  });

  after(async () => {
    if (browser) await browser.close();
  });

  it("is embedded by the one-line snippet, closed, with an accessible launcher", async () => {
    await page.goto(DEMO + "/");
    await assert.doesNotReject(W.launcher(page).waitFor({ timeout: 10000 }), "launcher should appear");
    assert.equal(await page.evaluate(() => typeof window.PlanbotWidget.init), "function");
    const launcher = W.launcher(page);
    assert.equal(await launcher.evaluate((b) => b.tagName), "BUTTON");
    assert.equal(await launcher.getAttribute("aria-expanded"), "false");
    const controls = await launcher.getAttribute("aria-controls");
    assert.ok(controls, "aria-controls set");
    assert.equal(await W.panel(page).getAttribute("id"), controls);
    assert.equal(await W.panel(page).isHidden(), true);
    assert.equal(await W.panel(page).getAttribute("aria-modal"), "false", "non-modal on desktop");
    assert.equal(await storedState(page), null, "nothing stored before the chat is opened");
    const dialog = page.getByRole("dialog", { name: "Spørg om beskæftigelsesplanen", includeHidden: true });
    assert.equal(await dialog.count(), 1, "dialog with aria-label");
  });

  it("keyboard only: Tab to the launcher, Enter opens, type + Enter sends, first answer arrives", async () => {
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press("Tab");
      found = (await activeInWidget(page)) === "pb-launcher";
    }
    assert.ok(found, "Tab should reach the launcher");
    await page.keyboard.press("Enter");
    assert.equal(await W.launcher(page).getAttribute("aria-expanded"), "true");
    assert.equal(await W.panel(page).isVisible(), true);
    assert.equal(await activeInWidget(page), "pb-input", "focus moves to the input");

    const greeting = await W.bot(page).first().textContent();
    assert.match(greeting, /Spørg mig om kommunens beskæftigelsesplan/);

    const before = await W.bot(page).count();
    // record whether the typing indicator is shown (the answer may come fast)
    await page.evaluate(() => {
      const t = document.getElementById("planbot-widget").shadowRoot.querySelector(".pb-typing");
      window.__pbTypingSeen = "";
      new MutationObserver(() => {
        if (t.classList.contains("pb-on") && t.textContent) window.__pbTypingSeen = t.textContent;
      }).observe(t, { attributes: true, childList: true, subtree: true });
    });
    await page.keyboard.type(Q1);
    await page.keyboard.press("Enter");
    await W.user(page).last().filter({ hasText: Q1 }).waitFor({ timeout: 5000 });
    assert.equal(await W.input(page).inputValue(), "", "input cleared after sending");
    const answer = await waitForBotAnswer(page, before);
    assert.equal(await page.evaluate(() => window.__pbTypingSeen), "Assistenten skriver …", "typing indicator");
    assert.ok(answer.length > 0, "non-empty answer to Q1");
    if (STUB) assert.match(answer, /Norddjurs/);
    console.log("# Q1 answer:", JSON.stringify(answer.slice(0, 300)));
  });

  it("Escape closes the dialog and returns focus to the launcher", async () => {
    await W.input(page).focus();
    await page.keyboard.press("Escape");
    assert.equal(await W.panel(page).isHidden(), true);
    assert.equal(await W.launcher(page).getAttribute("aria-expanded"), "false");
    assert.equal(await activeInWidget(page), "pb-launcher");
    await page.keyboard.press("Enter");
    assert.equal(await W.panel(page).isVisible(), true);
  });

  it("follow-up question gets an answer about Morsø", async () => {
    const answer = await ask(page, Q2, { viaEnter: false });
    console.log("# Q2 answer:", JSON.stringify(answer.slice(0, 300)));
    assert.ok(answer.length > 0, "non-empty answer to the follow-up");
    assert.match(answer, /Mors/i, "the follow-up answer should mention Morsø/Mors");
  });

  it("buttons are real <button>s; clicking one sends the payload and shows the title", async () => {
    const n = await W.choices(page).count();
    if (STUB) assert.ok(n > 0, "the stub always offers quick replies here");
    if (n === 0) {
      console.log("# no buttons shown by the assistant - skipped clicking");
      return;
    }
    const first = W.choices(page).first();
    assert.equal(await first.evaluate((b) => b.tagName + ":" + b.type), "BUTTON:button");
    const title = (await first.textContent()).trim();
    const before = await W.bot(page).count();
    await first.click();
    await W.user(page).last().filter({ hasText: title }).waitFor({ timeout: 5000 });
    const answer = await waitForBotAnswer(page, before);
    assert.ok(answer.length > 0, "a new bot message after the button");
    assert.equal(await activeInWidget(page), "pb-input", "focus returns to the input");
    if (STUB) {
      assert.match(answer, /payload \/\w+/, "the payload (not the title) was sent");
      // URLs in bot text become safe links.
      const link = page.locator(".pb-log .pb-bot a").last();
      assert.equal(await link.getAttribute("href"), "https://www.jobindsats.dk/");
      assert.equal(await link.getAttribute("target"), "_blank");
      assert.equal(await link.getAttribute("rel"), "noopener noreferrer");
    }
  });

  it("HTML/script in messages is shown literally, never executed or rendered", async () => {
    const before = await W.bot(page).count();
    await W.input(page).fill(XSS);
    await W.input(page).press("Enter");
    const userBubble = W.user(page).last().locator(".pb-text");
    await userBubble.waitFor();
    assert.equal(await userBubble.textContent(), XSS, "user message rendered as literal text");
    if (STUB) {
      const echoed = await waitForBotAnswer(page, before);
      assert.ok(echoed.includes(XSS), "bot message (stub echo) rendered as literal text: " + echoed);
    } else {
      try {
        await waitForBotAnswer(page, before);
      } catch (e) {
        /* the assistant may not answer nonsense; the checks below still apply */
      }
    }
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__xss), undefined, "no script ran");
    assert.equal(await page.locator(".pb-log b").count(), 0, "no <b> element inside the log");
    assert.equal(await page.locator(".pb-log script").count(), 0, "no <script> element inside the log");
  });

  it("the conversation survives a reload", async () => {
    const texts = await messageTexts(page);
    const st = await storedState(page);
    assert.ok(st && st.state.sessionId, "session id stored in localStorage");
    assert.ok(st.key.includes(new URL(RASA).host), "storage key is per server: " + st.key);
    await page.reload();
    await W.launcher(page).waitFor();
    assert.equal(await W.panel(page).isVisible(), true, "stays open after reload");
    assert.deepEqual(await messageTexts(page), texts);
    assert.equal((await storedState(page)).state.sessionId, st.state.sessionId);
  });

  it("the conversation follows the user to another page (side2.html)", async () => {
    const texts = await messageTexts(page);
    const sid = (await storedState(page)).state.sessionId;
    await page.locator("nav a[href='/side2.html']").click();
    await page.waitForURL(/side2\.html$/);
    await W.launcher(page).waitFor();
    assert.equal(await page.locator("h1").textContent(), "Politik og planer");
    assert.deepEqual(await messageTexts(page), texts);
    // ... and can go on there in the same session.
    const answer = await ask(page, Q1);
    assert.ok(answer.length > 0);
    assert.equal((await storedState(page)).state.sessionId, sid, "same session id on page 2");
  });

  it("has labelled controls, Danish texts, a live log and a visible focus outline", async () => {
    assert.equal(await page.getByLabel("Skriv dit spørgsmål").count(), 1, "labelled input");
    for (const name of ["Send", "Luk", "Ny samtale"]) {
      assert.equal(await page.getByRole("button", { name, exact: true }).count(), 1, `button ${name}`);
    }
    const log = page.locator("[role=log]");
    assert.equal(await log.getAttribute("aria-live"), "polite");
    assert.ok(await log.getAttribute("aria-label"));
    await assert.doesNotReject(
      page.getByText("Skriv ikke personlige oplysninger som cpr-nummer.").waitFor({ timeout: 2000 })
    );
    // keyboard focus on Send shows an outline
    await W.input(page).focus();
    await page.keyboard.press("Tab");
    assert.equal(await activeInWidget(page), "pb-send");
    const outline = await page.locator(".pb-send").evaluate((b) => {
      const s = getComputedStyle(b);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    assert.notEqual(outline.style, "none");
    assert.ok(outline.width >= 2, "outline at least 2px");
    // multi-line text and "- " lines keep their line breaks
    assert.equal(await page.locator(".pb-bubble").first().evaluate((b) => getComputedStyle(b).whiteSpace), "pre-line");
  });

  it("text colours meet WCAG AA contrast (4.5:1)", async () => {
    const report = await contrastReport(page);
    assert.ok(report.length >= 6, "checked some elements");
    const bad = report.filter((r) => r.ratio < 4.5);
    assert.deepEqual(bad, [], "low-contrast text: " + JSON.stringify(bad));
  });

  it("takes screenshots (PLANBOT_SCREENSHOTS=1)", { skip: !SHOTS }, async () => {
    const dir = path.join(WEBCHAT, "screenshots");
    fs.mkdirSync(dir, { recursive: true });
    // a fresh conversation: Q1, a button if offered, the follow-up
    const d = await newPage({ width: 1280, height: 800 });
    await d.page.goto(DEMO + "/");
    await W.launcher(d.page).click();
    await ask(d.page, Q1);
    if ((await W.choices(d.page).count()) > 0) {
      const before = await W.bot(d.page).count();
      await W.choices(d.page).first().click();
      await waitForBotAnswer(d.page, before);
    }
    await ask(d.page, Q2);
    await d.page.locator(".pb-input").blur();
    await d.page.mouse.move(0, 0);
    await d.page.screenshot({ path: path.join(dir, "desktop.png") });

    // the same conversation on a phone (copy the stored state)
    const st = await storedState(d.page);
    const m = await newPage({ width: 360, height: 740 });
    await m.page.goto(DEMO + "/");
    await m.page.evaluate(([k, v]) => localStorage.setItem(k, v), [st.key, JSON.stringify({ ...st.state, open: true })]);
    await m.page.reload();
    await W.panel(m.page).waitFor();
    await m.page.locator(".pb-input").blur();
    await m.page.waitForTimeout(300);
    await m.page.screenshot({ path: path.join(dir, "mobile.png") });
    await m.context.close();
    await d.context.close();
  });

  it("'Ny samtale' clears the conversation and starts a new session", async () => {
    const old = (await storedState(page)).state.sessionId;
    if (await W.panel(page).isHidden()) await W.launcher(page).click();
    await page.getByRole("button", { name: "Ny samtale" }).click();
    const texts = await messageTexts(page);
    assert.equal(texts.length, 1, "only the greeting is left");
    assert.match(texts[0], /^bot: .*Hej!/);
    await page.waitForFunction(
      (o) => {
        for (let i = 0; i < localStorage.length; i++) {
          const k = localStorage.key(i);
          if (k.startsWith("planbot:v1:")) {
            const s = JSON.parse(localStorage.getItem(k));
            return s.sessionId && s.sessionId !== o;
          }
        }
        return false;
      },
      old,
      { timeout: 10000 }
    );
    assert.equal(await activeInWidget(page), "pb-input");
  });

  it("works at 320 px: full-width panel, input and Send reachable", async () => {
    const m = await newPage({ width: 320, height: 640 });
    await m.page.goto(DEMO + "/");
    await W.launcher(m.page).click();
    const box = await W.panel(m.page).boundingBox();
    assert.equal(Math.round(box.width), 320, "panel is full width");
    assert.equal(Math.round(box.x), 0);
    for (const sel of [".pb-input", ".pb-send", ".pb-close", ".pb-reset"]) {
      const b = await m.page.locator(sel).boundingBox();
      assert.ok(b && b.x >= 0 && b.x + b.width <= 320 && b.y + b.height <= 640, `${sel} inside the viewport`);
    }
    const answer = await ask(m.page, Q1);
    assert.ok(answer.length > 0);
    // the panel covers the page here: a modal dialog that keeps keyboard focus inside
    assert.equal(await W.panel(m.page).getAttribute("aria-modal"), "true");
    for (let i = 0; i < 12; i++) {
      await m.page.keyboard.press(i % 4 === 3 ? "Shift+Tab" : "Tab");
      assert.ok(await activeInWidget(m.page), "focus stays inside the full-screen panel");
    }
    await m.page.keyboard.press("Escape");
    assert.equal(await activeInWidget(m.page), "pb-launcher");
    assert.deepEqual(m.errors, []);
    await m.context.close();
  });

  it("shows the Danish connection error when the server cannot be reached", async () => {
    // (bypassCSP: the demo's policy would otherwise forbid connecting to port 9 at all)
    const m = await newPage(undefined, { bypassCSP: true });
    await m.page.goto(DEMO + "/");
    await W.launcher(m.page).waitFor();
    await m.page.evaluate(() => window.PlanbotWidget.init({ server: "http://127.0.0.1:9", open: true }));
    await assert.doesNotReject(
      m.page.getByText("Forbindelsen til assistenten er afbrudt. Prøver igen …").waitFor({ timeout: 15000 })
    );
    await m.context.close();
  });

  it("raised no JavaScript errors on the page", () => {
    assert.deepEqual(errors, []);
  });
});
