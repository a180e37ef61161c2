// Render formulas with KaTeX for `infoderive site` and the KaTeX tests.
// stdin: JSON [{"tex": str, "display": bool}]; stdout: JSON [{"html": str} | {"error": str}].
// argv[2]: the folder that holds the katex package (node_modules/katex).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";

const require = createRequire(path.join(process.argv[2], "package.json"));
const katex = require(process.argv[2]);
const items = JSON.parse(readFileSync(0, "utf8"));
const out = items.map(({ tex, display }) => {
  try {
    return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true,
                                               strict: "error", output: "htmlAndMathml" }) };
  } catch (err) {
    return { error: String(err.message || err) };
  }
});
process.stdout.write(JSON.stringify(out));
