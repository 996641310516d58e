// Runs one lazily loaded module (marketplan::lazy) in a Web Worker.
// Started as a worker named after the module's stem (`new Worker(url,
// { name })`: a query would be lost when the service worker answers from
// its cache, since a worker's location is its response's URL): loads `<stem>.js` and
// `<stem>_bg.wasm` (Trunk's no-modules worker build, not hashed), then
// answers each {id, request} with {id, bytes} or {id, failed, detail}.
// "load" failures (offline, not cached) are told apart from "run" failures
// so the app can say which one happened.
"use strict";
const stem = self.name || "";
let ready;
if (!/^[a-z_]+$/.test(stem)) {
  ready = Promise.reject(new Error("no such module"));
} else {
  try {
    importScripts(`./${stem}.js`);
    ready = wasm_bindgen({ module_or_path: `./${stem}_bg.wasm` });
  } catch (error) {
    ready = Promise.reject(error);
  }
}
// Registered at once: messages sent while the module loads wait for it
// instead of being dropped.
ready.then(
  () => self.postMessage({ loaded: true }),
  () => {},
);
self.onmessage = async (event) => {
  const { id, request } = event.data;
  try {
    await ready;
  } catch (error) {
    self.postMessage({ id, failed: "load", detail: String(error && error.message ? error.message : error) });
    return;
  }
  try {
    const bytes = wasm_bindgen.run(request);
    self.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    self.postMessage({ id, failed: "run", detail: String(error && error.message ? error.message : error) });
  }
};
