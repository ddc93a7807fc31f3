// Small progressive enhancements only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
  // Show the agent fields only when "有代理人" is ticked (they stay usable without JS).
  const agentToggle = document.querySelector("#f-hasAgent");
  const agentFields = document.querySelector("#agent-fields");
  if (agentToggle && agentFields) {
    const sync = () => { agentFields.hidden = !agentToggle.checked; };
    agentToggle.addEventListener("change", sync);
    sync();
  }
  // 第32条 at once: ticking 家庭暴力、虐待 or 遗弃 offers the ground that needs no means test.
  const offer = document.querySelector("#means-free-offer");
  const ground = document.querySelector("#f-meansFreeGround");
  if (offer && ground) {
    const victim = ["domesticViolence", "abuse", "abandonment"];
    for (const box of document.querySelectorAll("input[name='priorities[]']")) {
      if (!victim.includes(box.value)) continue;
      box.addEventListener("change", () => {
        const any = victim.some((v) => document.querySelector(`input[name='priorities[]'][value='${v}']`)?.checked);
        offer.hidden = !any;
        if (any && !ground.value) ground.value = offer.dataset.ground;
      });
    }
  }
});
