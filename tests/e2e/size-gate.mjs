// The size gate (a check, not a timing): fails when the gzip transfer of
// the main module (wasm + JS + CSS loaded at start) exceeds the budget in
// scripts/size-budget-kb. The budget only ever goes down; lazily loaded
// modules are reported, not gated. Usage: node size-gate.mjs DIST
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { kb, measure, report } from "./sizes.mjs";

const dist = resolve(process.argv[2] ?? "../../dist");
const budgetKb = Number(readFileSync(new URL("../../scripts/size-budget-kb", import.meta.url), "utf8").trim());
const sizes = measure(dist);
console.log(report(sizes));
const gzip = sizes.main.total.gzip;
if (!Number.isFinite(budgetKb) || budgetKb <= 0) {
  console.error("size gate: scripts/size-budget-kb holds no budget");
  process.exit(2);
}
if (!sizes.main.files.some((f) => f.name.endsWith(".wasm"))) {
  console.error(`size gate: no build in ${dist}`);
  process.exit(2);
}
if (gzip > budgetKb * 1024) {
  console.error(`size gate: the main module is ${kb(gzip)} gzip, over its budget of ${budgetKb} KB. ` +
    "Move rarely used code into a lazily loaded module (README) or trim it; never raise the budget.");
  process.exit(1);
}
console.log(`size gate: main module ${kb(gzip)} gzip, within its budget of ${budgetKb} KB`);
