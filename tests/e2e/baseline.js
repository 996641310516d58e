// The benchmark's vanilla-DOM baseline (not the app): hand-written DOM code
// that renders the same rows and cards as the app's screens, from the same
// data, in the same browser and run, so app ÷ baseline is comparable across
// machines that differ 2-3× in speed. Each `render.*` builds what one
// screen's first view shows: inputs where the app has inputs, an SVG where
// the app draws one. Loaded by bench.mjs into a blank page.
"use strict";
const el = (tag, attrs = {}, text) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
};
const svg = (tag, attrs = {}) => {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
};
const input = (value, attrs = {}) => {
  const node = el("input", attrs);
  node.value = value;
  return node;
};
const select = (value, options) => {
  const node = el("select");
  for (const o of options) node.append(el("option", { value: o }, o));
  node.value = value;
  return node;
};
const cell = (child) => {
  const td = el("td");
  td.append(child);
  return td;
};
const main = () => {
  const node = document.querySelector("main");
  node.replaceChildren();
  return node;
};
window.render = {
  /** 50 task rows of the task table: every cell an input. */
  tasks(plan) {
    const table = el("table");
    const body = el("tbody");
    for (const t of plan.implementation.tasks.slice(0, 50)) {
      const tr = el("tr", { class: "task-row" });
      const cells = [
        input(t.title, { class: "task-title" }),
        input(t.department ?? ""),
        input(t.owner ?? ""),
        input(String(t.start.from_launch)),
        input(String(t.end.from_launch)),
        select("not_started", ["not_started", "in_progress", "done", "blocked"]),
        el("span", {}, (t.depends_on ?? []).length ? "1" : ""),
      ];
      for (const c of cells) tr.append(cell(c));
      body.append(tr);
    }
    table.append(body);
    main().append(table);
    // Typing: a handler that updates the row's own state, like the app's.
    table.addEventListener("input", (e) => {
      e.target.closest("tr").dataset.dirty = "1";
    });
  },
  /** Every task as a bar of the timeline, in one SVG. */
  timeline(plan) {
    const tasks = plan.implementation.tasks;
    const chart = svg("svg", { class: "gantt", width: "1200", height: String(tasks.length * 22) });
    tasks.forEach((t, i) => {
      const g = svg("g", { "data-task": t.id });
      g.append(svg("rect", { x: String(400 + t.start.from_launch * 4), y: String(i * 22), width: String(4 + (t.end.from_launch - t.start.from_launch) * 4), height: "16" }));
      const label = svg("text", { x: "0", y: String(i * 22 + 12) });
      label.textContent = t.title;
      g.append(label);
      chart.append(g);
    });
    main().append(chart);
  },
  /** The budget's figures and its first 25 lines as rows of inputs. */
  budget(plan) {
    const root = main();
    const figures = el("dl");
    for (const [k, v] of [["Total", plan.budget.total.amount], ["Planned", 0], ["Spent", 0]]) {
      figures.append(el("dt", {}, k), el("dd", {}, (v / 100).toLocaleString("en-GB")));
    }
    root.append(figures);
    const body = el("tbody");
    for (const l of plan.budget.lines.slice(0, 25)) {
      const spent = l.actuals.reduce((s, a) => s + a.amount, 0);
      const tr = el("tr");
      for (const c of [input(l.name, { id: `line-name-${l.id}` }), input(String(l.amount / 100)), select(l.category, ["content", "advertising", "events", "research", "crm", "other"]), input(l.owner), el("span", {}, (spent / 100).toLocaleString("en-GB"))]) {
        tr.append(cell(c));
      }
      body.append(tr);
    }
    const table = el("table");
    table.append(body);
    root.append(table);
  },
  /** Every KPI card: name, figures and a small line chart of its check-ins. */
  dashboard(plan) {
    const root = main();
    for (const goal of plan.goals) {
      for (const k of goal.kpis) {
        const card = el("article", { class: "kpi-card" });
        card.append(el("h3", {}, k.name));
        const last = k.check_ins[k.check_ins.length - 1];
        card.append(el("p", {}, `${last.value} / ${k.target}`));
        const chart = svg("svg", { viewBox: "0 0 200 60", width: "200", height: "60" });
        const points = k.check_ins.map((c, i) => `${(i * 200) / k.check_ins.length},${60 - (c.value % 60)}`).join(" ");
        chart.append(svg("polyline", { points, fill: "none", stroke: "black" }));
        card.append(chart);
        root.append(card);
      }
    }
  },
};
