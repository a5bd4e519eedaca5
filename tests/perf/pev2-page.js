// Mounts PEV2 on a plan and notes, relative to the mount call, when its first plan
// node enters the DOM and the frame after that (the node painted). PEV2 draws every
// node at once (no virtual scrolling), so the first node comes with all the others.
'use strict';

/** Runs `then` once the frame after now has been produced: rAF fires before the paint, a message posted from it runs after. */
function afterFrame(then) {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then();
    channel.port2.postMessage(null);
  });
}

/**
 * Mounts PEV2 on `planSource` in a task of its own (the call returns at once) and
 * fills `window.pev2Result`: {nodeDom, node, nodes, error} in ms from the mount.
 */
window.mountPev2 = (planSource) => {
  const result = (window.pev2Result = { started: false });
  let t0 = 0;
  const observer = new MutationObserver(() => {
    if (result.nodeDom === undefined && document.querySelector('.plan-node-body')) {
      result.nodeDom = performance.now() - t0;
      afterFrame(() => {
        result.node = performance.now() - t0;
        result.nodes = document.querySelectorAll('.plan-node-body').length;
      });
    }
    if (result.error === undefined) {
      const failed = [...document.querySelectorAll('.card-title.text-danger')].find((e) => /parse/i.test(e.textContent));
      if (failed) result.error = failed.textContent.trim();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => {
    result.started = true;
    t0 = performance.now();
    const app = Vue.createApp({ render: () => Vue.h(pev2.Plan, { planSource, planQuery: '' }) });
    app.config.errorHandler = (e) => {
      result.error = String(e);
    };
    app.mount('#app');
    result.mountReturned = performance.now() - t0;
  }, 0);
};
