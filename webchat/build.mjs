// Bundles src/widget.js (+ socket.io-client + the CSS as a string) into one
// self-contained file: dist/planbot-widget.js. No CDN, no runtime fetches.
import * as esbuild from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes("--watch");

const options = {
  absWorkingDir: here,
  entryPoints: ["src/widget.js"],
  outfile: "dist/planbot-widget.js",
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2020", "chrome90", "edge90", "firefox90", "safari15"],
  minify: true,
  sourcemap: false,
  legalComments: "eof",
  loader: { ".css": "text" },
  define: { "process.env.NODE_ENV": '"production"' },
  banner: { js: "/* planbot-widget – chat-widget til planassistenten (Rasa socketio). */" },
  logLevel: "info",
};

if (watch) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
  console.log("watching src/ …");
} else {
  await esbuild.build(options);
}
